import { sql, type Kysely } from "kysely";
import { isPostgres } from "@/lib/db/dialect";
import type { Database, Launch } from "@/lib/db/schema";
import { capsFor, TEAM_SCOPE } from "@/lib/budgets/caps";
import { fromMicros, spendMonth, toMicros } from "@/lib/budgets/month";
import { monthSpend } from "@/lib/budgets/spend";
import { ApiError } from "@/lib/errors/api-error";
import { formatUsd } from "@/lib/money";

/**
 * The reservation: before a launch goes upstream, its estimate is checked against every cap
 * that applies and written as the launch's intent row, in one transaction. Checking and
 * writing together is the point: a check followed by a later write lets fifty concurrent
 * launches all pass the same check.
 *
 * The month's spend per cap is read from running totals (budget_spend, kept by triggers
 * on launches), so the check costs two one-row reads however busy the month was.
 *
 * SQLite: the transaction starts with BEGIN IMMEDIATE, which takes the database's write
 * lock before the totals are read. In this process Kysely's SQLite driver already runs one
 * connection at a time; the write lock also makes another process on the same file (the
 * users command, a second server) wait (busy_timeout) instead of reading a stale total.
 * Postgres: the same steps in a READ COMMITTED transaction that first locks the month's
 * running-total rows of the team and of the teammate (see inLockedTransaction). Row locks,
 * not SERIALIZABLE (which would fail most of fifty concurrent reservations with 40001 and
 * need retries) nor an advisory lock (which would also have to be taken by every other
 * writer of launches, or it guards nothing): the insert trigger writes these same rows,
 * so every writer of a launch's money already queues on them, across connections and
 * across instances, with nothing else to remember.
 */
type Db = Kysely<Database>;

export interface Refusal {
  scope: "user" | "team";
  month: string;
  cap: number;
  spent: number;
  left: number;
  estimate: number;
}

export class BudgetExceededError extends ApiError {
  constructor(readonly refusal: Refusal) {
    super("budget_exceeded", refusalMessage(refusal));
  }
}

function refusalMessage({ scope, month, cap, spent, left, estimate }: Refusal): string {
  const whose = scope === "team" ? "the team's" : "your";
  return (
    `This launch would go over ${whose} monthly budget of ${formatUsd(cap)}: ` +
    `${formatUsd(spent)} is spent or reserved in ${month} (UTC) and ${formatUsd(left)} is left, ` +
    `but the launch needs ${formatUsd(estimate)}. Nothing was sent to FLORA.`
  );
}

/** Runs `work` on one connection inside BEGIN IMMEDIATE … COMMIT (ROLLBACK on any error). */
async function inWriteTransaction<T>(db: Db, work: (connection: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Postgres: runs `work` in a transaction holding the month's budget_spend rows of the team
 * and of `userId` (FOR UPDATE; created first, at 0, when the month has none yet), so a
 * concurrent reservation waits here until this one commits, then reads the total it left.
 * Team first, then the user: the order migration 0007's trigger writes them in, so two
 * transactions never hold one each and wait for the other's.
 */
async function inLockedTransaction<T>(db: Db, month: string, userId: string | null, work: (connection: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    for (const scope of userId ? [TEAM_SCOPE, userId] : [TEAM_SCOPE]) {
      await trx.insertInto("budget_spend").values({ month, scope, reserved_micros: 0 }).onConflict((conflict) => conflict.doNothing()).execute();
      await trx.selectFrom("budget_spend").select("scope").where("month", "=", month).where("scope", "=", scope).forUpdate().execute();
    }
    return work(trx);
  });
}

/** The first cap (the teammate's, then the team's) this estimate would go over, if any. */
async function overCap(db: Db, userId: string, month: string, estimate: number): Promise<Refusal | null> {
  const caps = await capsFor(db, userId);
  // The teammate's own cap is named first: it is the one they can ask about.
  caps.sort((a, b) => (a.scope === TEAM_SCOPE ? 1 : 0) - (b.scope === TEAM_SCOPE ? 1 : 0));
  for (const cap of caps) {
    const spent = await monthSpend(db, month, cap.scope);
    if (toMicros(spent) + toMicros(estimate) > toMicros(cap.monthly_usd)) {
      return {
        scope: cap.scope === TEAM_SCOPE ? "team" : "user",
        month,
        cap: cap.monthly_usd,
        spent: fromMicros(toMicros(spent)),
        left: fromMicros(Math.max(0, toMicros(cap.monthly_usd) - toMicros(spent))),
        estimate,
      };
    }
  }
  return null;
}

/**
 * Checks the caps and writes the launch as holding `estimateUsd` in this month, or throws
 * BudgetExceededError (402 budget_exceeded) and writes nothing. `existing`: the launch is
 * already on record (a retry after a definite refusal, which held nothing) and is updated
 * instead of inserted.
 */
export async function reserveLaunch(
  db: Db,
  launch: Launch,
  estimateUsd: number,
  { existing = false, now = Date.now() }: { existing?: boolean; now?: number } = {},
): Promise<Launch> {
  const month = spendMonth(now);
  const reserved: Launch = { ...launch, spend_month: month, reserved_usd: estimateUsd, charged_usd: null, cost_final_at: null };
  const write = async (connection: Db): Promise<Launch> => {
    // A launch's user_id is null only once its user is removed; a new launch always has one.
    const refusal = launch.user_id ? await overCap(connection, launch.user_id, month, estimateUsd) : null;
    if (refusal) throw new BudgetExceededError(refusal);
    if (existing) {
      await connection
        .updateTable("launches")
        .set({ status: "pending", error_code: null, completed_at: null, spend_month: month, reserved_usd: estimateUsd, charged_usd: null, cost_final_at: null })
        .where("id", "=", launch.id)
        .execute();
      return { ...reserved, status: "pending", error_code: null, completed_at: null };
    }
    await connection.insertInto("launches").values(reserved).execute();
    return reserved;
  };
  return isPostgres(db) ? inLockedTransaction(db, month, launch.user_id, write) : inWriteTransaction(db, write);
}
