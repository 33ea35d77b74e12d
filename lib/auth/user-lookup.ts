import "server-only";
import { recallUser, rememberUser, usersForgottenCount } from "@/lib/auth/session-memory";
import { userChanges } from "@/lib/auth/user-changes";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { findUserById } from "@/lib/users/users";

export { forgetRememberedUsers } from "@/lib/auth/session-memory";

/**
 * Users by id for session checks, remembered for a while: every API request checks its
 * user, and a fifty-watcher poll storm should not become fifty queries a second per watcher.
 * A change to a user forgets them at once on this instance and, through Redis, on every
 * other (lib/auth/user-changes.ts): then they are remembered 30 s. Without Redis, one
 * second, so a change made by another instance or the users command holds within a second.
 */
export async function lookUpUser(id: string, now = Date.now()): Promise<User | undefined> {
  const hit = recallUser(id, now);
  if (hit) return hit.user;
  const readSince = usersForgottenCount();
  const user = await findUserById(await getDb(), id);
  rememberUser(id, user, now + userChanges.rememberMs(), readSince);
  return user;
}
