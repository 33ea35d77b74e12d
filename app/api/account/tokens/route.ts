import { route } from "@/lib/http/route";
import { newTokenBodySchema, tokenApiError } from "@/lib/tokens/token-api";
import { createOwnToken, tokensVisibleTo } from "@/lib/tokens/token-service";

// GET /api/account/tokens: the signed-in teammate's access tokens (an admin's: everyone's).
export const GET = route({ role: "viewer" }, async ({ user }) => Response.json({ tokens: await tokensVisibleTo(user) }));

// POST /api/account/tokens: make a token; its value is in this answer and nowhere else, ever.
export const POST = route({ role: "viewer", body: newTokenBodySchema }, async ({ user, body }) => {
  try {
    const { token, view } = await createOwnToken(user, body);
    return Response.json({ token, ...view }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    throw tokenApiError(error);
  }
});
