import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { setCap, TEAM_SCOPE } from "@/lib/budgets/caps";
import { spendMonth } from "@/lib/budgets/month";
import { BudgetExceededError, reserveLaunch } from "@/lib/budgets/reserve";
import { settleEndedRuns } from "@/lib/budgets/settle";
import { monthSpend } from "@/lib/budgets/spend";
import { modelEstimateUsd } from "@/lib/budgets/estimate";
import { confirmLaunch, intentRow, settleLaunch } from "@/lib/launches/launch-store";
import { settleFromHistory } from "@/lib/launches/reconcile";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { addUser } from "@/lib/users/users";

const NOV_LAST_MS = Date.UTC(2026, 10, 30, 23, 59, 59, 999);
const DEC_FIRST = Date.UTC(2026, 11, 1, 0, 0, 0, 0);
let db: Kysely<Database>;
let ana: User;
let ben: User;
let counter = 0;

beforeEach(async () => {
  db = await memoryDatabase();
  ana = await addUser(db, { email: "ana@example.com", role: "member" });
  ben = await addUser(db, { email: "ben@example.com", role: "member" });
});
afterEach(async () => {
  await db.destroy();
});

function row(user: User, now: number, model = "t2i-flux-2-pro") {
  counter += 1;
  return intentRow(
    {
      kind: "generation",
      userId: user.id,
      userEmail: user.email,
      type: "image",
      model,
      techniqueId: null,
      prompt: `p${counter}`,
      params: {},
      workspaceId: "ws_a",
      projectId: "prj_a",
      idempotencyKey: `key-${counter}`,
    },
    now,
  );
}

const reserve = (user: User, usd: number, now = NOV_LAST_MS) => reserveLaunch(db, row(user, now), usd, { now });

describe("spendMonth", () => {
  it("is the calendar month in UTC", () => {
    expect(spendMonth(NOV_LAST_MS)).toBe("2026-11");
    expect(spendMonth(DEC_FIRST)).toBe("2026-12");
  });
});

describe("reserveLaunch", () => {
  it("writes the intent holding the estimate in its month when no cap applies", async () => {
    const launch = await reserve(ana, 0.32);
    const stored = await db.selectFrom("launches").selectAll().where("id", "=", launch.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "pending", spend_month: "2026-11", reserved_usd: 0.32, charged_usd: null });
  });

  it("lets in exactly what fits a cap, despite float sums (3 × $0.20 in $0.60)", async () => {
    await setCap(db, TEAM_SCOPE, 0.6, null);
    await reserve(ana, 0.2);
    await reserve(ben, 0.2);
    await reserve(ana, 0.2);
    await expect(reserve(ben, 0.2)).rejects.toBeInstanceOf(BudgetExceededError);
    expect(await monthSpend(db, "2026-11", TEAM_SCOPE)).toBeCloseTo(0.6, 9);
  });

  it("refuses with 402 budget_exceeded naming the teammate's cap, the month's spend and what is left; writes nothing", async () => {
    await setCap(db, ana.id, 1, null);
    await reserve(ana, 0.75);
    const refused = await reserve(ana, 0.5).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BudgetExceededError);
    const error = refused as BudgetExceededError;
    expect(error.status).toBe(402);
    expect(error.code).toBe("budget_exceeded");
    expect(error.message).toContain("your monthly budget of $1.00");
    expect(error.message).toContain("$0.75 is spent or reserved in 2026-11");
    expect(error.message).toContain("$0.25 is left");
    expect(error.refusal).toMatchObject({ scope: "user", cap: 1, spent: 0.75, left: 0.25, estimate: 0.5 });
    expect(await db.selectFrom("launches").select("id").execute()).toHaveLength(1);
    // Ben's launches do not count against Ana's cap.
    await expect(reserve(ben, 5)).resolves.toMatchObject({ reserved_usd: 5 });
  });

  it("names the team's cap when the team's is the one exceeded", async () => {
    await setCap(db, TEAM_SCOPE, 1, null);
    await setCap(db, ana.id, 10, null);
    await reserve(ben, 0.9);
    await expect(reserve(ana, 0.2)).rejects.toThrow(/the team's monthly budget of \$1\.00: \$0\.90 .* \$0\.10 is left/);
  });

  it("serialises concurrent reservations: 50 at once against a cap that fits 3, from two users", async () => {
    await setCap(db, TEAM_SCOPE, 0.6, null);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => reserve(i % 2 ? ana : ben, 0.2)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof BudgetExceededError)).toHaveLength(47);
    expect(await monthSpend(db, "2026-11", TEAM_SCOPE)).toBeCloseTo(0.6, 9);
  });

  it("starts a new month at 00:00 UTC on the 1st: November's spend does not count in December", async () => {
    await setCap(db, TEAM_SCOPE, 1, null);
    await reserve(ana, 1, NOV_LAST_MS);
    await expect(reserve(ana, 0.01, NOV_LAST_MS)).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(reserve(ana, 1, DEC_FIRST)).resolves.toMatchObject({ spend_month: "2026-12" });
  });

  it("re-reserves a launch that a definite refusal freed, in place", async () => {
    await setCap(db, TEAM_SCOPE, 1, null);
    const launch = await reserve(ana, 0.6);
    await settleLaunch(db, launch.id, "rejected", "insufficient_credits");
    expect(await monthSpend(db, "2026-11", TEAM_SCOPE)).toBe(0);
    await reserveLaunch(db, { ...launch, status: "rejected", reserved_usd: 0 }, 0.6, { existing: true, now: NOV_LAST_MS });
    const rows = await db.selectFrom("launches").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", reserved_usd: 0.6, error_code: null });
  });
});

describe("settlement", () => {
  it("settles to FLORA's charged_cost when the launch answers, freeing room under the cap", async () => {
    await setCap(db, TEAM_SCOPE, 1, null);
    const launch = await reserve(ana, 1);
    await confirmLaunch(db, launch.id, { runId: "run_a", response: { run_id: "run_a", charged_cost: 0.08 }, estimatedCost: 0.08 });
    expect(await db.selectFrom("launches").selectAll().executeTakeFirstOrThrow()).toMatchObject({ reserved_usd: 0.08, charged_usd: 0.08, cost_final_at: null });
    await expect(reserve(ben, 0.92)).resolves.toBeDefined();
  });

  it("keeps the reservation of a launch whose answer was lost, and frees a definite refusal's", async () => {
    const lost = await reserve(ana, 0.5);
    const refused = await reserve(ana, 0.4);
    await settleLaunch(db, lost.id, "unconfirmed", "upstream_timeout");
    await settleLaunch(db, refused.id, "rejected", "insufficient_credits");
    const held = Object.fromEntries((await db.selectFrom("launches").select(["id", "reserved_usd"]).execute()).map((r) => [r.id, r.reserved_usd]));
    expect(held).toEqual({ [lost.id]: 0.5, [refused.id]: 0 });
  });

  it("frees a failed run FLORA did not charge, keeps a completed run's charge, and settles each once", async () => {
    const failed = await reserve(ana, 0.08);
    const done = await reserve(ana, 0.08);
    await confirmLaunch(db, failed.id, { runId: "run_f", response: {}, estimatedCost: 0.08 });
    await confirmLaunch(db, done.id, { runId: "run_d", response: {}, estimatedCost: 0.08 });
    const runs = [
      { run_id: "run_f", status: "failed" as const },
      { run_id: "run_d", status: "completed" as const, charged_cost: 0.08 },
      { run_id: "run_elsewhere", status: "completed" as const, charged_cost: 3 },
    ];
    expect(await settleEndedRuns(db, runs, DEC_FIRST)).toBe(2);
    const rows = await db.selectFrom("launches").select(["run_id", "reserved_usd", "charged_usd", "cost_final_at"]).orderBy("run_id").execute();
    expect(rows).toEqual([
      { run_id: "run_d", reserved_usd: 0.08, charged_usd: 0.08, cost_final_at: DEC_FIRST },
      { run_id: "run_f", reserved_usd: 0, charged_usd: 0, cost_final_at: DEC_FIRST },
    ]);
    // Polled again: nothing left to settle, nothing written.
    expect(await settleEndedRuns(db, runs, DEC_FIRST + 1)).toBe(0);
    // A run still going settles nothing.
    expect(await settleEndedRuns(db, [{ run_id: "run_d", status: "running" }])).toBe(0);
  });
});

describe("settlement from a history page", () => {
  it("finalises the charges of recorded runs the page shows ended, and frees a failed one's", async () => {
    const launch = await reserve(ana, 0.08);
    await confirmLaunch(db, launch.id, { runId: "run_h", response: {}, estimatedCost: 0.08 });
    const page = [{ run_id: "run_h", generation_id: "gen_h", status: "failed" as const, progress: 40, created_at: NOV_LAST_MS, charged_cost: 0, workspace_id: "ws_a", project_id: "prj_a", model: { model_id: "t2i-flux-2-pro" } }];
    await settleFromHistory(db, { kind: "generation", runs: page }, DEC_FIRST);
    expect(await db.selectFrom("launches").select(["reserved_usd", "charged_usd", "cost_final_at"]).executeTakeFirstOrThrow()).toEqual({ reserved_usd: 0, charged_usd: 0, cost_final_at: DEC_FIRST });
  });
});

describe("modelEstimateUsd", () => {
  it("is the highest charge seen for the model, else the configured default", async () => {
    expect(await modelEstimateUsd(db, "t2i-flux-2-pro", 1)).toBe(1);
    expect(await modelEstimateUsd(db, null, 0.7)).toBe(0.7);
    for (const charge of [0.08, 0.32, 0.16]) {
      const launch = await reserve(ana, 1);
      await confirmLaunch(db, launch.id, { runId: `run_${charge}`, response: {}, estimatedCost: charge });
    }
    expect(await modelEstimateUsd(db, "t2i-flux-2-pro", 1)).toBe(0.32);
    expect(await modelEstimateUsd(db, "t2v-veo-3", 1)).toBe(1);
  });
});
