import { collectionRunParamsSchema, moveBodySchema } from "@/lib/collections/collection-api";
import { moveRunAs } from "@/lib/collections/collection-service";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { gatewayJson } from "@/lib/http/respond";

// POST /api/collections/{id}/runs/{runId}/move: move a run to index `to` (clamped to the ends), atomically.
export const POST = route({ role: "member", params: collectionRunParamsSchema, body: moveBodySchema }, async ({ user, params, body }) =>
  gatewayJson(await moveRunAs(await getDb(), user, params.id, params.runId, body.to)),
);
