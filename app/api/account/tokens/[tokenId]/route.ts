import { route } from "@/lib/http/route";
import { tokenApiError, tokenIdParamsSchema } from "@/lib/tokens/token-api";
import { revokeTokenAs } from "@/lib/tokens/token-service";

// DELETE /api/account/tokens/{tokenId}: revoke a token (one's own; an admin, anyone's).
export const DELETE = route({ role: "viewer", params: tokenIdParamsSchema }, async ({ user, params }) => {
  try {
    return Response.json({ token: await revokeTokenAs(user, params.tokenId) });
  } catch (error) {
    throw tokenApiError(error);
  }
});
