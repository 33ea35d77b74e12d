import "server-only";
import { canManageUsers } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import type { Role, User } from "@/lib/db/schema";
import { recordTokenActivity } from "@/lib/tokens/token-activity";
import { TokenError } from "@/lib/tokens/token-error";
import { createToken, findTokenById, listTokens, revokeToken } from "@/lib/tokens/token-store";
import { publicToken, type PublicToken } from "@/lib/tokens/token-view";
import { findUserById } from "@/lib/users/users";

/** The page's and its API's token operations, as the signed-in teammate may do them. */

/** One's own tokens; an admin sees everyone's, with the owner. */
export async function tokensVisibleTo(user: User, now = Date.now()): Promise<PublicToken[]> {
  const rows = await listTokens(await getDb(), canManageUsers(user.role) ? undefined : user.id);
  return rows.map((row) => publicToken(row, now));
}

export async function createOwnToken(
  user: User,
  input: { name: string; role: Role; expires_in_days: number | null },
  now = Date.now(),
): Promise<{ token: string; view: PublicToken }> {
  const db = await getDb();
  const { token, row } = await createToken(db, { owner: user, name: input.name, role: input.role, expiresInDays: input.expires_in_days }, now);
  await recordTokenActivity(db, "token_created", { id: user.id, email: user.email }, row, user.email, now);
  return { token, view: publicToken({ ...row, owner_email: user.email }, now) };
}

/** Owners revoke their own; admins anyone's. Someone else's token is 403, not 404: admins list them, ids are not secret. */
export async function revokeTokenAs(user: User, tokenId: string, now = Date.now()): Promise<PublicToken> {
  const db = await getDb();
  const token = await findTokenById(db, tokenId);
  if (!token) throw new TokenError("not_found", "No such token.");
  if (token.user_id !== user.id && !canManageUsers(user.role)) throw new TokenError("forbidden", "Only its owner or an admin can revoke this token.");
  // revokeToken forgets the remembered row, here and on every instance, so the token is
  // refused from the next request.
  const { row, changed } = await revokeToken(db, token.id, now);
  const ownerEmail = (token.user_id === user.id ? user : await findUserById(db, token.user_id))?.email ?? "";
  if (changed) await recordTokenActivity(db, "token_revoked", { id: user.id, email: user.email }, row, ownerEmail, now);
  return publicToken({ ...row, owner_email: ownerEmail }, now);
}
