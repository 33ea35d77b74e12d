import { z } from "zod";

/**
 * Which address an OAuth/OIDC provider vouches for. An address the provider has not verified
 * proves nothing about who signs in (anyone can type a colleague's address into a new
 * account), so it counts as no address at all, even when it is on AUTH_ALLOWLIST.
 */

// OIDC's claims (Google's included): only `email_verified: true` vouches; a missing claim does not.
const verifiedClaimsSchema = z.object({ email: z.string().trim().min(1), email_verified: z.literal(true) });

/** The email of OIDC claims (Google's, or any issuer's), or null unless `email_verified` is true. */
export function verifiedClaimsEmail(claims: unknown): string | null {
  const result = verifiedClaimsSchema.safeParse(claims);
  return result.success ? result.data.email : null;
}

// GitHub's GET /user/emails: every address on the account, verified or not.
const githubEmailsSchema = z.array(z.object({ email: z.string().trim().min(1), primary: z.boolean(), verified: z.boolean() }));

/** The account's primary address when GitHub verified it, else null (never another address). */
export function githubPrimaryVerifiedEmail(emails: unknown): string | null {
  const result = githubEmailsSchema.safeParse(emails);
  if (!result.success) return null;
  return result.data.find((entry) => entry.primary && entry.verified)?.email ?? null;
}

/**
 * The address the provider's profile vouches for. GitHub's profile is the one our own
 * userinfo request builds (lib/auth/github-userinfo.ts), which states `email_verified`
 * in OIDC's terms. An unknown provider vouches for nothing.
 */
export function verifiedProfileEmail(providerId: string, profile: unknown): string | null {
  switch (providerId) {
    case "github":
    case "google":
    case "oidc":
      return verifiedClaimsEmail(profile);
    default:
      return null;
  }
}
