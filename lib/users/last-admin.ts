import { setTimeout as sleep } from "node:timers/promises";
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from "kysely";
import { isPostgres } from "@/lib/db/dialect";
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

/** One key for every change to users that goes through inWriteTransaction (Postgres advisory lock). */
const USER_CHANGES_LOCK = sql`select pg_advisory_xact_lock(hashtext('atelier:user-changes'))`;

/**
 * Runs `work` in one transaction. In WAL mode a transaction that read first and then finds
 * the write lock taken (or its snapshot outdated) fails at once with SQLITE_BUSY rather than
 * waiting, so it is run again from the start, reading what the other writer committed.
 *
 * On Postgres, SQLite's one writer at a time does not hold: under READ COMMITTED two admins
 * demoting each other each lock only their own row, and each statement's EXISTS still sees
 * the other as an active admin (write skew: both succeed, no admin is left). So the
 * transaction first takes one advisory lock that every user change shares; the second waits,
 * and its statements then read what the first committed. User changes are rare; nothing
 * else waits on this lock.
 */
export async function inWriteTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const serialize = isPostgres(db);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        if (serialize) await USER_CHANGES_LOCK.execute(trx);
        return work(trx);
      });
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await sleep(BUSY_BACKOFF_MS * Math.min(attempt, 4) * (0.5 + Math.random()));
    }
  }
}
