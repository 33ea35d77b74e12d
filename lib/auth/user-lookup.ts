import "server-only";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { findUserById } from "@/lib/users/users";

/**
 * Users by id for session checks, remembered for one second: every API request checks its
 * user, and a fifty-watcher poll storm should not become fifty queries a second per watcher.
 * The admin API forgets everything on a change, so a disabled user is locked out at once;
 * a change made by the users command from another process takes effect within a second.
 */
const REMEMBER_MS = 1_000;

const globalUsers = globalThis as typeof globalThis & {
  __atelierUserLookup?: Map<string, { user: User | undefined; until: number }>;
};
function remembered() {
  globalUsers.__atelierUserLookup ??= new Map();
  return globalUsers.__atelierUserLookup;
}

export async function lookUpUser(id: string, now = Date.now()): Promise<User | undefined> {
  const hit = remembered().get(id);
  if (hit && hit.until > now) return hit.user;
  const user = await findUserById(await getDb(), id);
  remembered().set(id, { user, until: now + REMEMBER_MS });
  if (remembered().size > 5_000) remembered().delete(remembered().keys().next().value!);
  return user;
}

export function forgetRememberedUsers() {
  remembered().clear();
}
