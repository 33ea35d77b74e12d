import { collectionParamsSchema, nameBodySchema } from "@/lib/collections/collection-api";
import { deleteCollectionAs, getCollection, renameCollectionAs } from "@/lib/collections/collection-service";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { gatewayJson } from "@/lib/http/respond";

// GET /api/collections/{id}: the collection and its runs, in order.
export const GET = route({ role: "viewer", params: collectionParamsSchema }, async ({ user, params }) =>
  gatewayJson({ collection: await getCollection(await getDb(), user, params.id) }),
);

// PATCH /api/collections/{id}: rename it.
export const PATCH = route({ role: "member", params: collectionParamsSchema, body: nameBodySchema }, async ({ user, params, body }) =>
  gatewayJson({ collection: await renameCollectionAs(await getDb(), user, params.id, body.name) }),
);

// DELETE /api/collections/{id}: delete it and its list of runs (its creator or an admin); the runs stay in FLORA.
export const DELETE = route({ role: "member", params: collectionParamsSchema }, async ({ user, params }) => {
  await deleteCollectionAs(await getDb(), user, params.id);
  return new Response(null, { status: 204, headers: { "cache-control": "private, no-store" } });
});
