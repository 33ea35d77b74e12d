import type { Kysely } from "kysely";
import type { Allowlist } from "@/lib/auth/allowlist";
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
  return addUser(db, { email, name: name ?? null, role: newcomerRole });
}
