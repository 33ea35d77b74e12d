import "server-only";
import { z } from "zod";
import { AttemptLimiter } from "@/lib/auth/attempt-limiter";
import { clientAddress } from "@/lib/auth/client-address";
import { decoyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { findUserByEmail } from "@/lib/users/users";

/** What next-auth shows the sign-in form, by error code. */
export const SIGN_IN_ERRORS = {
  /** Wrong email or password, or a disabled user: deliberately the same answer. */
  CredentialsSignin: "CredentialsSignin",
  TooManyAttempts: "TooManyAttempts",
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

const globalLimiter = globalThis as typeof globalThis & { __atelierSignInLimiter?: AttemptLimiter };
function limiter(): AttemptLimiter {
  globalLimiter.__atelierSignInLimiter ??= new AttemptLimiter(getEnv().AUTH_MAX_FAILED_ATTEMPTS);
  return globalLimiter.__atelierSignInLimiter;
}

/**
 * Checks an email and password against the users table. Failures are counted per email and
 * per client address; past the limit even a right password is refused for a while, and the
 * answer never says whether the email exists.
 */
export async function authorizeCredentials(
  input: Record<string, unknown> | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<Pick<User, "id" | "email" | "name" | "role"> | null> {
  const parsed = credentialsSchema.safeParse(input ?? {});
  const address = clientAddress(headers);
  const email = parsed.success ? parsed.data.email : "";
  const keys = [`email:${email}`, `ip:${address}`];

  if (limiter().isBlocked(keys)) {
    log.warn("sign-in refused: too many failed attempts", { address });
    throw new Error(SIGN_IN_ERRORS.TooManyAttempts);
  }

  const user = parsed.success ? await findUserByEmail(await getDb(), email) : undefined;
  const hash = user?.password_hash ?? (await decoyPasswordHash());
  const passwordMatches = parsed.success ? await verifyPassword(parsed.data.password, hash) : false;

  if (!user || !user.password_hash || !passwordMatches || user.disabled_at !== null) {
    limiter().recordFailure(keys);
    log.info("sign-in failed", { address });
    return null;
  }
  log.info("signed in", { userId: user.id });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
