import { hasRole } from "@/lib/auth/roles";
import type { ApiToken, Role, User } from "@/lib/db/schema";
import { secretMatches } from "@/lib/tokens/token-format";
import { tokenStatus } from "@/lib/tokens/token-view";

export { EXPIRY_CHOICES, tokenStatus, type TokenStatus } from "@/lib/tokens/token-view";

/** The page offers 7, 30 or 90 days (or none); the users command takes any whole number of days up to a year. */
export const MAX_EXPIRY_DAYS = 365;
const DAY_MS = 86_400_000;

/** A token's last-used time is written at most this often, so a polling script does not write on every request. */
export const LAST_USED_EVERY_MS = 60_000;

export const expiresAtFor = (days: number | null, now: number): number | null => (days === null ? null : now + days * DAY_MS);

/** A token never acts above its owner as they are NOW: the lower of the two roles applies. */
export function effectiveRole(tokenRole: Role, ownerRole: Role): Role {
  return hasRole(ownerRole, tokenRole) ? tokenRole : ownerRole;
}

export const lastUsedIsDue = (token: Pick<ApiToken, "last_used_at">, now: number) =>
  token.last_used_at === null || now - token.last_used_at >= LAST_USED_EVERY_MS;

export type TokenCheck = { ok: true; user: User } | { ok: false; reason: string };

/**
 * Whether a presented secret opens this row for this owner, and as whom: the owner with
 * the effective role. Every refusal is one 401 to the caller; the reason is for the log.
 */
export function checkToken(secret: string, token: ApiToken | undefined, owner: User | undefined, now: number): TokenCheck {
  if (!token || !secretMatches(secret, token.secret_hash)) return { ok: false, reason: "unknown token" };
  const status = tokenStatus(token, now);
  if (status !== "active") return { ok: false, reason: `${status} token` };
  if (!owner || owner.id !== token.user_id) return { ok: false, reason: "owner removed" };
  if (owner.disabled_at !== null) return { ok: false, reason: "owner disabled" };
  return { ok: true, user: { ...owner, role: effectiveRole(token.role, owner.role) } };
}
