import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { monthsWithLaunches, sumUsage, teamSpendUsd } from "@/lib/usage/aggregate";
import { capStatuses } from "@/lib/usage/caps";
import { insertLaunch } from "@/lib/usage/test-launches";
import { addUser } from "@/lib/users/users";

const NOV = Date.parse("2026-11-03T10:00:00Z");
let db: Kysely<Database>;
let ana: User;
let ben: User;

beforeEach(async () => {
  db = await memoryDatabase();
  ana = await addUser(db, { email: "ana@example.com", role: "member" });
  ben = await addUser(db, { email: "ben@example.com", role: "member" });
});
afterEach(async () => {
  await db.destroy();
});

const by = (user: User) => ({ user_id: user.id, user_email: user.email });

describe("sumUsage", () => {
  it("sums spend (charge once known, estimate until then) and runs by teammate, model, project and day", async () => {
    await insertLaunch(db, { ...by(ana), created_at: NOV, spend_month: "2026-11", reserved_usd: 0.32, charged_usd: 0.32 });
    await insertLaunch(db, { ...by(ana), created_at: NOV + 86_400_000, spend_month: "2026-11", reserved_usd: 0.5, charged_usd: null, status: "pending" });
    await insertLaunch(db, {
      ...by(ben),
      created_at: NOV,
      spend_month: "2026-11",
      kind: "technique",
      model: null,
      technique_id: "tech_upscale",
      project_id: "prj_b",
      reserved_usd: 0.2,
      charged_usd: 0.2,
    });
    // FLORA refused it: no run, nothing held.
    await insertLaunch(db, { ...by(ben), created_at: NOV, spend_month: "2026-11", status: "rejected", run_id: null, reserved_usd: 0 });

    const sums = await sumUsage(db, "2026-11", null);
    expect(sums.totals).toEqual({ runs: 3, spendUsd: 1.02, chargedUsd: 0.52, heldUsd: 0.5 });
    expect(sums.byTeammate.map(({ key, label, runs, spendUsd }) => ({ key, label, runs, spendUsd }))).toEqual([
      { key: ana.id, label: "ana@example.com", runs: 2, spendUsd: 0.82 },
      { key: ben.id, label: "ben@example.com", runs: 1, spendUsd: 0.2 },
    ]);
    expect(sums.byModel.map(({ key, runs, spendUsd }) => ({ key, runs, spendUsd }))).toEqual([
      { key: "t2i-flux-2-pro", runs: 2, spendUsd: 0.82 },
      { key: "technique:tech_upscale", runs: 1, spendUsd: 0.2 },
    ]);
    expect(sums.byProject.map(({ key, spendUsd }) => ({ key, spendUsd }))).toEqual([
      { key: "prj_a", spendUsd: 0.82 },
      { key: "prj_b", spendUsd: 0.2 },
    ]);
    expect(sums.byDay).toHaveLength(30);
    expect(sums.byDay.find((row) => row.key === "2026-11-03")).toMatchObject({ runs: 2, spendUsd: 0.52, chargedUsd: 0.52 });
    expect(sums.byDay.find((row) => row.key === "2026-11-04")).toMatchObject({ runs: 1, spendUsd: 0.5, heldUsd: 0.5 });
    expect(sums.byDay.find((row) => row.key === "2026-11-05")).toMatchObject({ runs: 0, spendUsd: 0 });
  });

  it("adds dollars exactly: 0.1 + 0.2 is 0.3", async () => {
    await insertLaunch(db, { ...by(ana), created_at: NOV, spend_month: "2026-11", reserved_usd: 0.1, charged_usd: 0.1 });
    await insertLaunch(db, { ...by(ana), created_at: NOV, spend_month: "2026-11", reserved_usd: 0.2, charged_usd: 0.2 });
    expect((await sumUsage(db, "2026-11", null)).totals.spendUsd).toBe(0.3);
  });

  it("draws the month's edges in UTC, following spend_month and, for an untagged launch, its creation time", async () => {
    const lastOfOctober = Date.parse("2026-10-31T23:59:59.999Z");
    const firstOfNovember = Date.parse("2026-11-01T00:00:00.000Z");
    const firstOfDecember = Date.parse("2026-12-01T00:00:00.000Z");
    await insertLaunch(db, { ...by(ana), created_at: lastOfOctober, reserved_usd: 1 });
    await insertLaunch(db, { ...by(ana), created_at: firstOfNovember, reserved_usd: 2 });
    await insertLaunch(db, { ...by(ana), created_at: firstOfDecember - 1, reserved_usd: 4 });
    await insertLaunch(db, { ...by(ana), created_at: firstOfDecember, reserved_usd: 8 });
    // Reserved a moment before midnight, counted in November by its reservation.
    await insertLaunch(db, { ...by(ana), created_at: lastOfOctober, spend_month: "2026-11", reserved_usd: 16 });

    const november = await sumUsage(db, "2026-11", null);
    expect(november.totals).toMatchObject({ runs: 3, spendUsd: 22 });
    expect(november.byDay[0]).toMatchObject({ key: "2026-11-01", spendUsd: 18 });
    expect(november.byDay.at(-1)).toMatchObject({ key: "2026-11-30", spendUsd: 4 });
    expect((await sumUsage(db, "2026-10", null)).totals.spendUsd).toBe(1);
    expect((await sumUsage(db, "2026-12", null)).totals.spendUsd).toBe(8);
    expect(await monthsWithLaunches(db, null)).toEqual(["2026-12", "2026-11", "2026-10"]);
  });

  it("sums one teammate's launches only, while the team's spend stays the team's", async () => {
    await insertLaunch(db, { ...by(ana), created_at: NOV, spend_month: "2026-11", reserved_usd: 0.3 });
    await insertLaunch(db, { ...by(ben), created_at: NOV, spend_month: "2026-11", reserved_usd: 0.7 });
    await insertLaunch(db, { ...by(ben), created_at: Date.parse("2026-09-03T00:00:00Z"), spend_month: "2026-09", reserved_usd: 0.7 });
    const mine = await sumUsage(db, "2026-11", ana.id);
    expect(mine.totals).toMatchObject({ runs: 1, spendUsd: 0.3 });
    expect(mine.byTeammate.map((row) => row.key)).toEqual([ana.id]);
    expect(await teamSpendUsd(db, "2026-11")).toBe(1);
    expect(await monthsWithLaunches(db, ana.id)).toEqual(["2026-11"]);
    expect(await monthsWithLaunches(db, ben.id)).toEqual(["2026-11", "2026-09"]);
  });
});

describe("capStatuses", () => {
  async function setCap(scope: string, usd: number) {
    await db.insertInto("budget_caps").values({ scope, monthly_usd: usd, updated_at: 0, updated_by: null }).execute();
  }

  it("shows the team's cap and each teammate's with what is left, never below zero, and no cap as none", async () => {
    await setCap("team", 10);
    await setCap(ana.id, 1);
    await insertLaunch(db, { ...by(ana), created_at: NOV, spend_month: "2026-11", reserved_usd: 1.5 });
    await insertLaunch(db, { ...by(ben), created_at: NOV, spend_month: "2026-11", reserved_usd: 0.25 });
    const sums = await sumUsage(db, "2026-11", null);
    expect(await capStatuses(db, sums.totals.spendUsd, sums.byTeammate, null)).toEqual([
      { scope: "team", label: "Team", capUsd: 10, spentUsd: 1.75, leftUsd: 8.25 },
      { scope: ana.id, label: "ana@example.com", capUsd: 1, spentUsd: 1.5, leftUsd: 0 },
      { scope: ben.id, label: "ben@example.com", capUsd: null, spentUsd: 0.25, leftUsd: null },
    ]);
  });

  it("lists a capped teammate with no spend yet, and only the one asked for in their own view", async () => {
    await setCap(ben.id, 5);
    expect(await capStatuses(db, 0, [], null)).toEqual([
      { scope: "team", label: "Team", capUsd: null, spentUsd: 0, leftUsd: null },
      { scope: ben.id, label: "ben@example.com", capUsd: 5, spentUsd: 0, leftUsd: 5 },
    ]);
    expect(await capStatuses(db, 3, [], { id: ana.id, email: ana.email })).toEqual([
      { scope: "team", label: "Team", capUsd: null, spentUsd: 3, leftUsd: null },
      { scope: ana.id, label: "ana@example.com", capUsd: null, spentUsd: 0, leftUsd: null },
    ]);
  });
});
