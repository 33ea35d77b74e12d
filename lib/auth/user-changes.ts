import { forgetRememberedUser, forgetRememberedUsers } from "@/lib/auth/session-memory";
import { memoryInvalidation } from "@/lib/redis/invalidations";

/**
 * Users remembered for session checks (lib/auth/user-lookup.ts) are kept in step across
 * instances: a change to a user's role, status, password or sessions is announced on
 * atelier:users-changed (the user's id, or "*"), and every instance forgets that user.
 * While an instance hears these it remembers users for 30 s; otherwise (no REDIS_URL, or
 * its subscription down) for a second, as a change could then go unheard.
 *
 * lib/users/users.ts announces every such change itself, so the admin API, the account
 * routes and the users command (a separate process, which connects to publish) all do.
 * Plain (no `server-only`): the command and the custom server's fast path use it too.
 */
export const userChanges = memoryInvalidation({
  channel: "users-changed",
  handlers: { forget: forgetRememberedUser, forgetAll: forgetRememberedUsers },
  aloneMs: 1_000,
  listeningMs: 30_000,
});

/** After a change to the user: forgotten here at once, and by every other instance. */
export function announceUserChange(userId: string): Promise<boolean> {
  return userChanges.announce(userId);
}
