import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import * as budgetSpendMigration from "@/lib/db/migrations/0007-budget-spend";
import { reserveLaunch } from "@/lib/budgets/reserve";
import { settleEndedRuns } from "@/lib/budgets/settle";
import { confirmLaunch, intentRow, settleLaunch } from "@/lib/launches/launch-store";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { addUser, removeUser } from "@/lib/users/users";

/**
 * The running totals (budget_spend) against the launches they summarise, after every kind
 * of write a launch meets: reserved, answered, refused and reserved again, ended, moved to
 * another month, its user removed, and rebuilt by the migration.
 */
const NOV = Date.UTC(2026, 10, 15);
const DEC = Date.UTC(2026, 11, 2);
let db: Kysely<Database>;
let ana: User;
let ben: User;
let counter = 0;

beforeEach(async () => {
  db = await memoryDatabase();
  ana = await addUser(db, { email: "ana@example.com", role: "member" });
  ben = await addUser(db, { email: "ben@example.com", role: "admin" });
});
afterEach(async () => {
  await db.destroy();
});

const reserve = (user: User, usd: number, now = NOV) => {
  counter += 1;
  const intent = { kind: "generation" as const, userId: user.id, userEmail: user.email, type: "image", model: "m", techniqueId: null, prompt: "p", params: {}, workspaceId: null, projectId: null, idempotencyKey: `k${counter}` };
  return reserveLaunch(db, intentRow(intent, now), usd, { now });
};

/** The totals as the launches say they should be, and as budget_spend holds them (zero rows left out). */
async function totals() {
  const expected = await sql<{ month: string; scope: string; micros: number }>`
    select spend_month as month, 'team' as scope, sum(cast(round(reserved_usd * 1000000) as integer)) as micros from launches where spend_month is not null group by spend_month
    union all
    select spend_month, user_id, sum(cast(round(reserved_usd * 1000000) as integer)) from launches where spend_month is not null and user_id is not null group by spend_month, user_id`.execute(db);
  const kept = await db.selectFrom("budget_spend").select(["month", "scope", "reserved_micros as micros"]).where("reserved_micros", "!=", 0).execute();
  const sorted = (rows: Array<{ month: string; scope: string; micros: number }>) =>
    rows.filter((row) => Number(row.micros) !== 0).map((row) => `${row.month} ${row.scope} ${Number(row.micros)}`).sort();
  return { expected: sorted(expected.rows), kept: sorted(kept) };
}

it("stay equal to the sums of the launches through every write", async () => {
  const a = await reserve(ana, 1);
  const b = await reserve(ben, 0.5);
  const c = await reserve(ana, 0.3);
  await confirmLaunch(db, a.id, { runId: "run_a", response: {}, estimatedCost: 0.08 });
  await settleLaunch(db, b.id, "rejected", "insufficient_credits");
  await reserveLaunch(db, { ...b, status: "rejected", reserved_usd: 0 }, 0.5, { existing: true, now: DEC });
  await settleLaunch(db, c.id, "unconfirmed", "upstream_timeout");
  await confirmLaunch(db, b.id, { runId: "run_b", response: {}, estimatedCost: 0.2 });
  await settleEndedRuns(db, [{ run_id: "run_b", status: "failed" }, { run_id: "run_a", status: "completed", charged_cost: 0.08 }]);
  let { expected, kept } = await totals();
  expect(kept).toEqual(expected);
  expect(expected).toEqual([`2026-11 ${ana.id} 380000`, "2026-11 team 380000"]);

  await removeUser(db, ana.email);
  ({ expected, kept } = await totals());
  expect(kept).toContain("2026-11 team 380000");
});

it("are rebuilt from the launches by the migration", async () => {
  await reserve(ana, 0.25);
  await reserve(ben, 0.75, DEC);
  const before = await totals();
  await budgetSpendMigration.down(db as Kysely<unknown>);
  await budgetSpendMigration.up(db as Kysely<unknown>);
  const after = await totals();
  expect(after.kept).toEqual(before.expected);
  expect(after.kept).toEqual([`2026-11 ${ana.id} 250000`, "2026-11 team 250000", `2026-12 ${ben.id} 750000`, "2026-12 team 750000"]);
  // And the triggers are back.
  await reserve(ana, 0.25);
  expect((await totals()).kept).toContain("2026-11 team 500000");
});
