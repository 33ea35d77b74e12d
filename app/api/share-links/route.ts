import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listLinksQuerySchema, newLinkBodySchema, shareApiError } from "@/lib/sharing/link-api";
import { createLinkAs, linksVisibleTo } from "@/lib/sharing/link-service";
import { absoluteLinkUrl } from "@/lib/sharing/link-url";
import { existingSubject } from "@/lib/sharing/subject-check";

const noStore = { "cache-control": "private, no-store" };

// GET /api/share-links[?all=1]: the signed-in teammate's public links; with all=1, an admin's view of everyone's.
export const GET = route({ role: "viewer", query: listLinksQuerySchema }, async ({ user, query }) => {
  try {
    return Response.json({ links: await linksVisibleTo(await getDb(), user, query.all === "1") }, { headers: noStore });
  } catch (error) {
    throw shareApiError(error);
  }
});

// POST /api/share-links: make a public link (members and admins). The subject must exist
// (a made-up run is 404, nothing stored); the token is in this answer's URL and nowhere else, ever.
export const POST = route({ role: "member", body: newLinkBodySchema }, async ({ user, body, request }) => {
  try {
    const subject = await existingSubject(body.subject);
    const created = await createLinkAs(await getDb(), user, { subject, expiresDays: body.expires_days, showPrompt: body.show_prompt ?? false });
    return Response.json({ id: created.id, url: absoluteLinkUrl(request, created.path), expires_at: created.expires_at }, { status: 201, headers: noStore });
  } catch (error) {
    throw shareApiError(error);
  }
});
