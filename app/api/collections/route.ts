import { nameBodySchema } from "@/lib/collections/collection-api";
import { createCollection, listCollections } from "@/lib/collections/collection-service";
import { getDb } from "@/lib/db";
import { hasRole } from "@/lib/auth/roles";
import { route } from "@/lib/http/route";
import { gatewayJson } from "@/lib/http/respond";

// GET /api/collections: every collection, most recently changed first, and whether the caller may change them.
export const GET = route({ role: "viewer" }, async ({ user }) =>
  gatewayJson({ collections: await listCollections(await getDb(), user), can_change: hasRole(user.role, "member") }),
);

// POST /api/collections: make an empty collection (members and admins).
export const POST = route({ role: "member", body: nameBodySchema }, async ({ user, body }) =>
  gatewayJson({ collection: await createCollection(await getDb(), user, body.name) }, { status: 201 }),
);
