import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { addUser, findUserByEmail, setPassword } from "@/lib/users/users";

/**
 * The simulator's demo admin: exists from the first start so a newcomer can sign in, and
 * is disabled as soon as the dashboard runs against the real FLORA (its password is printed
 * by `npm start`, so it must never guard a real key).
 */
export async function ensureDemoAdmin(db: Kysely<Database>, email: string, password: string): Promise<void> {
  const existing = await findUserByEmail(db, email);
  if (!existing) {
    await addUser(db, { email, password, role: "admin", name: "Demo admin", isDemo: true });
    return;
  }
  if (existing.is_demo === 1) {
    await setPassword(db, email, password);
    await db.updateTable("users").set({ role: "admin", disabled_at: null }).where("id", "=", existing.id).execute();
  }
}

/** Disables every demo user; returns how many were active. */
export async function retireDemoUsers(db: Kysely<Database>, now = Date.now()): Promise<number> {
  const result = await db
    .updateTable("users")
    .set({ disabled_at: now })
    .where("is_demo", "=", 1)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
