import type { Kysely } from "kysely";
import type { Allowlist } from "@/lib/auth/allowlist";
import { verifiedProfileEmail } from "@/lib/auth/verified-email";
import type { Database, Role, User } from "@/lib/db/schema";
import { addUser, findUserByEmail } from "@/lib/users/users";

/**
 * Whether someone who proved an email through OAuth/OIDC may come in: the email must be on
 * the allowlist and not belong to a disabled user. A newcomer is added with the configured
 * role; an existing user keeps the role an admin gave them.
 */
export async function admitOAuthUser(
  db: Kysely<Database>,
  email: string | null | undefined,
  name: string | null | undefined,
  allowlist: Allowlist,
  newcomerRole: Role,
): Promise<User | null> {
  if (!email || !allowlist.allows(email)) return null;
  const existing = await findUserByEmail(db, email);
  if (existing) return existing.disabled_at === null ? existing : null;
  // A newcomer adds themselves by signing in: recorded as a user added at sign-in.
  return addUser(db, { email, name: name ?? null, role: newcomerRole }, Date.now(), { actor: null, via: "sign_in" });
}

export interface OAuthSignIn {
  /** next-auth's provider id: github, google or oidc. */
  provider: string;
  /** The provider's own profile (OIDC claims, or GitHub's as lib/auth/github-userinfo.ts builds it). */
  profile: unknown;
  /** The email next-auth carries on into the session. */
  email: string | null | undefined;
  name: string | null | undefined;
}

/**
 * The signIn callback's decision for OAuth/OIDC: the provider's profile must vouch for the
 * address (verified, lib/auth/verified-email.ts), and it must be the address next-auth goes
 * on with, before the allowlist is even asked.
 */
export async function admitOAuthSignIn(
  db: Kysely<Database>,
  signIn: OAuthSignIn,
  allowlist: Allowlist,
  newcomerRole: Role,
): Promise<User | null> {
  const verified = verifiedProfileEmail(signIn.provider, signIn.profile);
  if (!verified || !signIn.email || verified.trim().toLowerCase() !== signIn.email.trim().toLowerCase()) return null;
  return admitOAuthUser(db, verified, signIn.name, allowlist, newcomerRole);
}
