import { setTimeout as sleep } from "node:timers/promises";
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { UserError } from "@/lib/users/user-error";

/**
 * Keeping at least one active admin when two admins (in one process or two) take each other
 * out at the same moment: the read and the change share one transaction, and the change
 * itself carries the rule in SQL, so it touches no row when it would leave no active admin.
 */

const BUSY_ATTEMPTS = 20;
const BUSY_BACKOFF_MS = 25;

/**
 * SQL that holds for a users row when changing it still leaves an active admin: the row is
 * not one, or another active admin exists. Evaluated by the database at the moment of the
 * write, not from what the application read earlier.
 */
export function leavesAnActiveAdmin(eb: ExpressionBuilder<Database, "users">) {
  return eb.or([
    eb("users.role", "!=", "admin"),
    eb("users.disabled_at", "is not", null),
    eb.exists(
      eb
        .selectFrom("users as other")
        .select("other.id")
        .where("other.role", "=", "admin")
        .where("other.disabled_at", "is", null)
        .whereRef("other.id", "!=", "users.id"),
    ),
  ]);
}

export function lastAdminError(user: User, action: string): UserError {
  return new UserError("last_admin", `Cannot ${action} ${user.email}: they are the last active admin.`);
}

/** SQLite's answer when another connection holds the write lock or wrote since our read. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * Runs `work` in one transaction. In WAL mode a transaction that read first and then finds
 * the write lock taken (or its snapshot outdated) fails at once with SQLITE_BUSY rather than
 * waiting, so it is run again from the start, reading what the other writer committed.
 */
export async function inWriteTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await sleep(BUSY_BACKOFF_MS * Math.min(attempt, 4) * (0.5 + Math.random()));
    }
  }
}
