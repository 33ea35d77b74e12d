import "server-only";
import type { TokenRef } from "@/lib/auth/actor";
import { demoModeIsProven } from "@/lib/auth/demo-mode";
import { lookUpUser } from "@/lib/auth/user-lookup";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { log } from "@/lib/log";
import { parseToken } from "@/lib/tokens/token-format";
import { tokenChanges } from "@/lib/tokens/token-changes";
import { recallToken, rememberToken, tokensForgottenCount } from "@/lib/tokens/token-memory";
import { checkToken, lastUsedIsDue } from "@/lib/tokens/token-rules";
import { findTokenByPrefix, touchLastUsed } from "@/lib/tokens/token-store";

const REFUSED = "This access token is not valid: it is unknown, revoked or expired, or its owner can no longer sign in.";

async function tokenRow(prefix: string, now: number) {
  const hit = recallToken(prefix, now);
  if (hit) return hit.token;
  const readSince = tokensForgottenCount();
  const token = await findTokenByPrefix(await getDb(), prefix);
  rememberToken(prefix, token, now + tokenChanges.rememberMs(), readSince);
  return token;
}

/**
 * The teammate a bearer token acts for, with the token's effective role, or a 401 at once:
 * a script with a dead token must hear so, not fall back to whatever cookie it also sent.
 */
export async function authenticateBearer(presented: string, now = Date.now()): Promise<{ user: User; token: TokenRef }> {
  const parts = parseToken(presented);
  const row = parts ? await tokenRow(parts.prefix, now) : undefined;
  const owner = row ? await lookUpUser(row.user_id, now) : undefined;
  const checked = parts ? checkToken(parts.secret, row, owner, now) : ({ ok: false, reason: "malformed token" } as const);
  if (!checked.ok) {
    log.info("bearer token refused", { reason: checked.reason, prefix: parts?.prefix ?? null });
    throw new ApiError("unauthorized", REFUSED);
  }
  // Like a session cookie: a demo admin's token is worth nothing on an instance that is not the demo.
  if (checked.user.is_demo === 1 && !(await demoModeIsProven())) throw new ApiError("unauthorized", REFUSED);
  if (lastUsedIsDue(row!, now)) {
    await touchLastUsed(await getDb(), row!.id, now);
    // The remembered row follows, so the next request within the minute does not try again.
    rememberToken(row!.prefix, { ...row!, last_used_at: now }, now + tokenChanges.rememberMs());
  }
  return { user: checked.user, token: { id: row!.id, name: row!.name } };
}
