import { byUser } from "@/lib/activity/user-changes";
import { limiter } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { passwordChecks, SignInBusyError } from "@/lib/auth/password-checks";
import { forgetRememberedUsers } from "@/lib/auth/user-lookup";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { passwordChangeBodySchema } from "@/lib/users/account-api";
import { setPassword } from "@/lib/users/users";

// POST /api/account/password: the signed-in teammate changes their own password. Every
// session of theirs ends, this one included: they sign in again with the new password.
export const POST = route({ role: "viewer", body: passwordChangeBodySchema }, async ({ user, body }) => {
  if (!user.password_hash) {
    throw new ApiError("conflict", "You sign in through your organisation's provider: there is no password to change here.");
  }
  const hash = user.password_hash;
  // A stolen cookie must not become a way to guess the password: same limit as sign-in.
  const keys = [`email:${user.email}`];
  const wait = await limiter().blockedFor(keys);
  if (wait > 0) {
    throw new ApiError("rate_limited", `Too many wrong passwords. Try again in ${wait} s.`, undefined, { "retry-after": String(wait) });
  }
  let matches: boolean;
  try {
    matches = await passwordChecks().run(() => verifyPassword(body.current_password, hash));
  } catch (error) {
    if (error instanceof SignInBusyError) throw new ApiError("rate_limited", "Too many password checks at once. Try again in a few seconds.", undefined, { "retry-after": "5" });
    throw error;
  }
  if (!matches) {
    await limiter().recordFailure(keys);
    log.info("password change refused: wrong current password", { userId: user.id });
    throw new ApiError("input_validation_error", "The current password is not right.", [
      { field: "current_password", message: "is not your current password" },
    ]);
  }
  await setPassword(await getDb(), user.email, body.new_password, byUser(user, "account"));
  forgetRememberedUsers();
  log.info("password changed; sessions ended", { userId: user.id });
  return Response.json({ sessions_ended: true });
});
