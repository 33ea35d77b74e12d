import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { linkIdParamsSchema, shareApiError } from "@/lib/sharing/link-api";
import { revokeLinkAs } from "@/lib/sharing/link-service";

// DELETE /api/share-links/{linkId}: revoke a public link (one's own; an admin, anyone's).
// It is refused from the very next open: opens read the store, nothing is cached.
export const DELETE = route({ role: "viewer", params: linkIdParamsSchema }, async ({ user, params }) => {
  try {
    return Response.json({ link: await revokeLinkAs(await getDb(), user, params.linkId) }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    throw shareApiError(error);
  }
});
