import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { TECHNIQUE_KEY_PREFIX, UNKNOWN_KEY } from "@/lib/usage/aggregate-keys";
import { UsdSum } from "@/lib/usage/money-sum";
import { dayOf, daysOf, monthRange, type Month } from "@/lib/usage/month";
import type { UsageFigures, UsageRow } from "@/lib/usage/report";

/**
 * A month of the store's launches, summed by teammate, model, project and UTC day. The
 * rows of one month are read with a few narrow columns and summed here rather than with
 * GROUP BY, because the UTC day needs date functions SQLite and Postgres spell differently;
 * a team's month is thousands of rows, not millions.
 *
 * A launch belongs to the month its money counts in (`spend_month`, written with its
 * reservation); a launch recorded before budgets existed has none and counts in the UTC
 * month it was created.
 */

type Db = Kysely<Database>;

/** Labels are resolved later (catalogue names); keys are what the store holds. */
export interface UsageSums {
  totals: UsageFigures;
  byTeammate: UsageRow[];
  byModel: UsageRow[];
  byProject: UsageRow[];
  byDay: UsageRow[];
}


class Tally {
  runs = 0;
  spend = new UsdSum();
  charged = new UsdSum();
  held = new UsdSum();

  figures(): UsageFigures {
    return { runs: this.runs, spendUsd: this.spend.value, chargedUsd: this.charged.value, heldUsd: this.held.value };
  }
}

interface LaunchMoney {
  status: string;
  reserved_usd: number;
  charged_usd: number | null;
}

function count(tally: Tally, launch: LaunchMoney) {
  // A launch FLORA refused started no run and holds nothing; its money (0) still adds, so
  // the sum is exactly what the caps count.
  if (launch.status !== "rejected") tally.runs += 1;
  tally.spend.add(launch.reserved_usd);
  if (launch.charged_usd != null) tally.charged.add(launch.charged_usd);
  else tally.held.add(launch.reserved_usd);
}

function rowsOf(tallies: Map<string, { label: string; tally: Tally }>): UsageRow[] {
  return [...tallies.entries()]
    .map(([key, { label, tally }]) => ({ key, label, ...tally.figures() }))
    .sort((a, b) => b.spendUsd - a.spendUsd || b.runs - a.runs || a.label.localeCompare(b.label));
}

function tallyOf(map: Map<string, { label: string; tally: Tally }>, key: string, label: string): Tally {
  let entry = map.get(key);
  if (!entry) {
    entry = { label, tally: new Tally() };
    map.set(key, entry);
  }
  return entry.tally;
}

/** The launches of a month: tagged with it, or untagged and created in it. */
function inMonth(db: Db, month: Month) {
  const { start, end } = monthRange(month);
  return db
    .selectFrom("launches")
    .where((eb) =>
      eb.or([
        eb("spend_month", "=", month),
        eb.and([eb("spend_month", "is", null), eb("created_at", ">=", start), eb("created_at", "<", end)]),
      ]),
    );
}

/** The month's launches in scope: everyone's (`userId` null) or one teammate's. */
function monthLaunches(db: Db, month: Month, userId: string | null) {
  let query = inMonth(db, month).select([
    "user_id",
    "user_email",
    "kind",
    "model",
    "technique_id",
    "project_id",
    "status",
    "created_at",
    "reserved_usd",
    "charged_usd",
  ]);
  if (userId) query = query.where("user_id", "=", userId);
  return query.execute();
}

/** The whole team's spend in a month, for the team cap a teammate's own view also shows. */
export async function teamSpendUsd(db: Db, month: Month): Promise<number> {
  const sum = new UsdSum();
  for (const row of await inMonth(db, month).select("reserved_usd").execute()) sum.add(row.reserved_usd);
  return sum.value;
}

export async function sumUsage(db: Db, month: Month, userId: string | null): Promise<UsageSums> {
  const launches = await monthLaunches(db, month, userId);
  const total = new Tally();
  const teammates = new Map<string, { label: string; tally: Tally }>();
  const models = new Map<string, { label: string; tally: Tally }>();
  const projects = new Map<string, { label: string; tally: Tally }>();
  const monthDays = daysOf(month);
  const days = new Map<string, { label: string; tally: Tally }>(monthDays.map((day) => [day, { label: day, tally: new Tally() }]));

  for (const launch of launches) {
    count(total, launch);
    // A removed teammate's launches keep their email (user_id is null then).
    count(tallyOf(teammates, launch.user_id ?? `email:${launch.user_email}`, launch.user_email), launch);
    const modelKey =
      launch.kind === "technique"
        ? `${TECHNIQUE_KEY_PREFIX}${launch.technique_id ?? UNKNOWN_KEY}`
        : (launch.model ?? UNKNOWN_KEY);
    count(tallyOf(models, modelKey, modelKey), launch);
    count(tallyOf(projects, launch.project_id ?? UNKNOWN_KEY, launch.project_id ?? UNKNOWN_KEY), launch);
    // A launch counted in this month by spend_month but created a moment before it (a
    // clock edge) is filed under the month's first or last day, never outside the chart.
    const day = dayOf(launch.created_at);
    const dayKey = days.has(day) ? day : day < monthDays[0]! ? monthDays[0]! : monthDays.at(-1)!;
    count(days.get(dayKey)!.tally, launch);
  }

  return {
    totals: total.figures(),
    byTeammate: rowsOf(teammates),
    byModel: rowsOf(models),
    byProject: rowsOf(projects),
    byDay: [...days.entries()].map(([key, { label, tally }]) => ({ key, label, ...tally.figures() })),
  };
}

/** Months with launches in scope, newest first. */
export async function monthsWithLaunches(db: Db, userId: string | null): Promise<Month[]> {
  let tagged = db.selectFrom("launches").select("spend_month").distinct().where("spend_month", "is not", null);
  if (userId) tagged = tagged.where("user_id", "=", userId);
  let untagged = db
    .selectFrom("launches")
    .select((eb) => [eb.fn.min("created_at").as("first"), eb.fn.max("created_at").as("last")])
    .where("spend_month", "is", null);
  if (userId) untagged = untagged.where("user_id", "=", userId);
  const [rows, range] = await Promise.all([tagged.execute(), untagged.executeTakeFirst()]);
  const months = new Set(rows.map((row) => row.spend_month!));
  if (range?.first != null && range.last != null) {
    // Every month from the first untagged launch to the last: a gap month simply shows zero.
    for (let at = Number(range.first); at <= Number(range.last); ) {
      const month = new Date(at).toISOString().slice(0, 7);
      months.add(month);
      at = monthRange(month).end;
    }
    months.add(new Date(Number(range.last)).toISOString().slice(0, 7));
  }
  return [...months].sort().reverse();
}
