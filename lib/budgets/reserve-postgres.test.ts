import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setCap, TEAM_SCOPE } from "@/lib/budgets/caps";
import { spendMonth } from "@/lib/budgets/month";
import { BudgetExceededError, reserveLaunch } from "@/lib/budgets/reserve";
import { monthSpend } from "@/lib/budgets/spend";
import { openDatabase } from "@/lib/db/connect";
import type { Database, User } from "@/lib/db/schema";
import { confirmLaunch, intentRow } from "@/lib/launches/launch-store";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { onPostgres } from "@/lib/testing/postgres-env";
import { postgresStoreUrl } from "@/lib/testing/postgres-stores";
import { addUser } from "@/lib/users/users";

/**
 * Postgres only (npm run test:unit:pg): two instances of the dashboard are two pools on one
 * database, and a reservation must hold across them as BEGIN IMMEDIATE holds across
 * processes on SQLite (reserve-processes.test.ts).
 */
const NOW = Date.UTC(2026, 10, 15, 12);
let serial = 0;
const row = (user: User) => {
  serial += 1;
  return intentRow(
    { kind: "generation", userId: user.id, userEmail: user.email, type: "image", model: "m", techniqueId: null, prompt: "p", params: {}, workspaceId: null, projectId: null, idempotencyKey: `pg-${serial}` },
    NOW,
  );
};

describe.skipIf(!onPostgres())("reservations on Postgres", () => {
  let db: Kysely<Database>;
  let second: Kysely<Database>;
  let ana: User;
  let ben: User;
  beforeEach(async () => {
    db = await memoryDatabase();
    second = openDatabase(postgresStoreUrl(db));
    ana = await addUser(db, { email: "ana@example.com", role: "member" });
    ben = await addUser(db, { email: "ben@example.com", role: "member" });
  });
  afterEach(async () => {
    await second.destroy();
    await db.destroy();
  });

  it("hold a team cap across two instances: 50 at once, 25 through each, against a cap that fits 3", async () => {
    await setCap(db, TEAM_SCOPE, 0.6, null);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => reserveLaunch(i % 2 === 0 ? db : second, row(i % 4 < 2 ? ana : ben), 0.2, { now: NOW })),
    );
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof BudgetExceededError);
    const failed = results.filter((r) => r.status === "rejected" && !(r.reason instanceof BudgetExceededError));
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(47);
    expect(await monthSpend(second, spendMonth(NOW), TEAM_SCOPE)).toBeCloseTo(0.6, 9);
    const written = await db.selectFrom("launches").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(written.n).toBe(3);
  });

  it("hold a teammate's own cap the same way, while settles of their launches run beside (no deadlock)", async () => {
    await setCap(db, ana.id, 1, null);
    const first = await reserveLaunch(db, row(ana), 0.5, { now: NOW });
    const attempts = Array.from({ length: 20 }, (_, i) => reserveLaunch(i % 2 === 0 ? db : second, row(ana), 0.25, { now: NOW }));
    // The first launch answers meanwhile, charged less than its estimate: room for one more.
    const settle = confirmLaunch(second, first.id, { runId: "run_1", response: {}, estimatedCost: 0.25 }, NOW).catch((error: unknown) => error);
    const results = await Promise.allSettled(attempts);
    expect(await settle).not.toBeInstanceOf(Error);
    const ok = results.filter((r) => r.status === "fulfilled").length;
    expect(results.filter((r) => r.status === "rejected" && !(r.reason instanceof BudgetExceededError))).toEqual([]);
    // 0.5 held, then 0.25 charged: 2 or 3 more of 0.25 fit, by whether the settle came first.
    expect([2, 3]).toContain(ok);
    expect(await monthSpend(db, spendMonth(NOW), ana.id)).toBeLessThanOrEqual(1);
  });
});
