import type { ApiToken, Role } from "@/lib/db/schema";

/**
 * What the browser may know about tokens: the expiries the page offers, a token's status
 * and its public view (never the hash). Free of Node modules so client components import it.
 */
export const EXPIRY_CHOICES = [7, 30, 90] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export type TokenStatus = "active" | "expired" | "revoked";

export function tokenStatus(token: Pick<ApiToken, "revoked_at" | "expires_at">, now: number): TokenStatus {
  if (token.revoked_at !== null) return "revoked";
  if (token.expires_at !== null && token.expires_at <= now) return "expired";
  return "active";
}

export interface PublicToken {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  owner_email: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
  status: TokenStatus;
}

export function publicToken(token: ApiToken & { owner_email: string }, now = Date.now()): PublicToken {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    role: token.role,
    owner_email: token.owner_email,
    created_at: token.created_at,
    expires_at: token.expires_at,
    last_used_at: token.last_used_at,
    revoked_at: token.revoked_at,
    status: tokenStatus(token, now),
  };
}
