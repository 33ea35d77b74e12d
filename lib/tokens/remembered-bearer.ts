import type { User } from "@/lib/db/schema";
import { recallUser } from "@/lib/auth/session-memory";
import { parseToken } from "@/lib/tokens/token-format";
import { recallToken } from "@/lib/tokens/token-memory";
import { checkToken, lastUsedIsDue } from "@/lib/tokens/token-rules";

/**
 * For the fast path: the user a bearer token acts for, from memory only, when everything the
 * route handler would check is known and fresh. Undefined hands the request to the handler,
 * which does the full check (and answers the 401); so does a token whose last-used time is
 * due to be written, and a demo user's, whose check needs the full path.
 */
export function userFromRememberedBearer(presented: string, now = Date.now()): User | undefined {
  const parts = parseToken(presented);
  if (!parts) return undefined;
  const token = recallToken(parts.prefix, now)?.token;
  if (!token || lastUsedIsDue(token, now)) return undefined;
  const owner = recallUser(token.user_id, now)?.user;
  const checked = checkToken(parts.secret, token, owner, now);
  if (!checked.ok || checked.user.is_demo === 1) return undefined;
  return checked.user;
}
