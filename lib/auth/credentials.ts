import "server-only";
import { z } from "zod";
import { recordFailedSignIn, recordSignIn, type SignInFailure } from "@/lib/activity/sign-in";
import { memorySignInLimiter, redisSignInLimiter, type SignInLimiter } from "@/lib/auth/attempt-limiter";
import { clientAddress } from "@/lib/auth/client-address";
import { demoModeIsProven } from "@/lib/auth/demo-mode";
import { decoyPasswordHash, MAX_PASSWORD_LENGTH, needsRehash, verifyPassword } from "@/lib/auth/password";
import { passwordChecks, SignInBusyError } from "@/lib/auth/password-checks";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { sharedRedis, type SharedRedis } from "@/lib/redis/connection";
import { findUserByEmail, rehashPassword } from "@/lib/users/users";

/** What next-auth shows the sign-in form, by error code. */
export const SIGN_IN_ERRORS = {
  /** Wrong email or password, a disabled user, or the demo admin off the demo: the same answer. */
  CredentialsSignin: "CredentialsSignin",
  TooManyAttempts: "TooManyAttempts",
  SignInBusy: "SignInBusy",
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

const globalLimiter = globalThis as typeof globalThis & {
  __atelierSignInLimiter?: { redis: SharedRedis | null; limiter: SignInLimiter };
};
/**
 * The process's sign-in limiter: the password-change route counts its failures here too.
 * With REDIS_URL the failures are counted in Redis, so every instance refuses the same email.
 */
export function limiter(): SignInLimiter {
  const redis = sharedRedis();
  if (!globalLimiter.__atelierSignInLimiter || globalLimiter.__atelierSignInLimiter.redis !== redis) {
    const max = getEnv().AUTH_MAX_FAILED_ATTEMPTS;
    globalLimiter.__atelierSignInLimiter = { redis, limiter: redis ? redisSignInLimiter(redis, max) : memorySignInLimiter(max) };
  }
  return globalLimiter.__atelierSignInLimiter.limiter;
}

export type SignedInUser = Pick<User, "id" | "email" | "name" | "role" | "session_version">;

/**
 * Checks an email and password against the users table. Failures are counted per email and
 * per client address; past the limit even a right password is refused for a while, and the
 * answer never says whether the email exists. Password checks queue (two at a time), and a
 * hash made with an older cost is replaced on a successful sign-in.
 */
export async function authorizeCredentials(
  input: Record<string, unknown> | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input ?? {});
  const address = clientAddress(headers);
  const email = parsed.success ? parsed.data.email : "";
  const keys = [`email:${email}`, `ip:${address}`];

  if ((await limiter().blockedFor(keys)) > 0) {
    log.warn("sign-in refused: too many failed attempts", { address });
    throw new Error(SIGN_IN_ERRORS.TooManyAttempts);
  }

  const db = await getDb();
  const user = parsed.success ? await findUserByEmail(db, email) : undefined;
  const hash = user?.password_hash ?? (await decoyPasswordHash());
  let passwordMatches: boolean;
  try {
    passwordMatches = parsed.success ? await passwordChecks().run(() => verifyPassword(parsed.data.password, hash)) : false;
  } catch (error) {
    if (!(error instanceof SignInBusyError)) throw error;
    log.warn("sign-in refused: too many password checks at once", { address });
    throw new Error(SIGN_IN_ERRORS.SignInBusy);
  }

  // The demo admin's password is public: it opens nothing unless this instance is the demo.
  const demoRefused = user?.is_demo === 1 && passwordMatches && !(await demoModeIsProven());
  if (!user || !user.password_hash || !passwordMatches || user.disabled_at !== null || demoRefused) {
    await limiter().recordFailure(keys);
    // Only attempts the limiter let through are recorded: those it refused above (and those
    // that found no free password check) are not, so a flood cannot grow the log past its allowance.
    await recordFailedSignIn(db, input?.email, "password", address, failureReason(parsed.success, user, passwordMatches, demoRefused));
    log.info("sign-in failed", { address, ...(demoRefused && { reason: "demo admin outside demo mode" }) });
    return null;
  }
  await limiter().forgive(`email:${email}`);
  if (needsRehash(user.password_hash)) {
    await rehashPassword(db, user.id, user.password_hash, parsed.data!.password);
    log.info("password rehashed with the current cost", { userId: user.id });
  }
  log.info("signed in", { userId: user.id });
  await recordSignIn(db, user, "password", address);
  return { id: user.id, email: user.email, name: user.name, role: user.role, session_version: user.session_version };
}

/** Why a checked sign-in failed, for the activity log only (the form gives one answer). */
function failureReason(inputValid: boolean, user: User | undefined, passwordMatches: boolean, demoRefused: boolean): SignInFailure {
  if (!inputValid) return "invalid_input";
  if (!user) return "unknown_email";
  if (!user.password_hash) return "no_password";
  if (!passwordMatches) return "wrong_password";
  if (user.disabled_at !== null) return "disabled";
  return demoRefused ? "demo_outside_demo" : "wrong_password";
}
