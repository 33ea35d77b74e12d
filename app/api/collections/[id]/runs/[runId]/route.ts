import { collectionRunParamsSchema } from "@/lib/collections/collection-api";
import { removeRunAs } from "@/lib/collections/collection-service";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { gatewayJson } from "@/lib/http/respond";

// DELETE /api/collections/{id}/runs/{runId}: take a run out of the collection (not out of FLORA).
export const DELETE = route({ role: "member", params: collectionRunParamsSchema }, async ({ user, params }) =>
  gatewayJson({ collection: await removeRunAs(await getDb(), user, params.id, params.runId) }),
);
