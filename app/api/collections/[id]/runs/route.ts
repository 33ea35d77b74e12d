import { addRunsBodySchema, collectionParamsSchema } from "@/lib/collections/collection-api";
import { addRunsAs } from "@/lib/collections/collection-service";
import { runExistsUpstream } from "@/lib/collections/upstream-check";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { gatewayJson } from "@/lib/http/respond";

// POST /api/collections/{id}/runs: add runs at the end; a run already there is left where it is.
export const POST = route({ role: "member", params: collectionParamsSchema, body: addRunsBodySchema }, async ({ user, params, body }) =>
  gatewayJson(await addRunsAs(await getDb(), user, params.id, body.runs, runExistsUpstream)),
);
