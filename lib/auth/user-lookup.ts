import "server-only";
import { recallUser, rememberUser } from "@/lib/auth/session-memory";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { findUserById } from "@/lib/users/users";

export { forgetRememberedUsers } from "@/lib/auth/session-memory";

/**
 * Users by id for session checks, remembered for one second: every API request checks its
 * user, and a fifty-watcher poll storm should not become fifty queries a second per watcher.
 * The admin API forgets everything on a change, so a disabled user is locked out at once;
 * a change made by the users command from another process takes effect within a second.
 */
const REMEMBER_MS = 1_000;

export async function lookUpUser(id: string, now = Date.now()): Promise<User | undefined> {
  const hit = recallUser(id, now);
  if (hit) return hit.user;
  const user = await findUserById(await getDb(), id);
  rememberUser(id, user, now + REMEMBER_MS);
  return user;
}
