import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import type { Database, User } from "@/lib/db/schema";
import { parseEnv, type Env } from "@/lib/env-schema";
import { startFixture, type SimFixture } from "@/simulator/testing/sim-fixture";

/**
 * launchRun against the simulator, with the store in memory: the reservation is taken
 * before the launch goes upstream, settled by FLORA's answer and again at the run's end.
 */
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ error: String(e) }) }));
const state = vi.hoisted(() => ({ env: undefined as unknown, db: undefined as unknown }));
vi.mock("@/lib/env", () => ({ getEnv: () => state.env }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const { launchRun } = await import("@/lib/launches/launch-service");
const { setCap, TEAM_SCOPE } = await import("@/lib/budgets/caps");
const { monthSpend } = await import("@/lib/budgets/spend");
const { spendMonth } = await import("@/lib/budgets/month");
const { getRun } = await import("@/lib/flora/reads");
const { memoryDatabase } = await import("@/lib/testing/memory-db");
const { addUser } = await import("@/lib/users/users");
const { forgetModelEstimates } = await import("@/lib/budgets/estimate");

let fixture: SimFixture;
let db: Kysely<Database>;
let ana: User;
let ben: User;
const PLACE = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" };

beforeAll(async () => {
  fixture = await startFixture({ runSeconds: 1 });
  const env: Env = parseEnv({ FLORA_API_KEY: fixture.sim.options.apiKey, FLORA_BASE_URL: fixture.sim.baseURL, AUTH_SECRET: "x".repeat(32), BUDGET_DEFAULT_ESTIMATE_USD: "1" });
  state.env = env;
});
afterAll(async () => {
  await fixture.sim.close();
});
beforeEach(async () => {
  await fixture.control("/reset", {});
  forgetModelEstimates();
  db = await memoryDatabase();
  state.db = db;
  ana = await addUser(db, { email: "ana@example.com", role: "member" });
  ben = await addUser(db, { email: "ben@example.com", role: "member" });
});
afterEach(async () => {
  await db.destroy();
});

const actor = (user: User) => ({ user, token: null });
const generation = (prompt: string, model = "t2i-flux-2-pro") => ({
  kind: "generation" as const,
  body: { type: "image" as const, prompt, model, ...PLACE },
});
const productShot = { kind: "technique" as const, techniqueId: "tech_prodshot", body: { inputs: [{ id: "product", type: "imageUrl" as const, value: "https://example.com/p.png" }], mode: "async" as const } };
const launches = () => db.selectFrom("launches").selectAll().orderBy("created_at").execute();
const thisMonth = () => spendMonth(Date.now());
async function upstreamLaunches(path: string) {
  const { requests } = (await (await fixture.control("/requests")).json()) as { requests: Array<{ method: string; path: string; status: number | null; fault: string | null }> };
  return requests.filter((request) => request.method === "POST" && request.path.startsWith(`/api/v1${path}`));
}
const activity = (kind: string) => db.selectFrom("activity").selectAll().where("kind", "=", kind).execute();

describe("launchRun with budgets", () => {
  it("reserves the default estimate for a model never charged, then settles to FLORA's charged_cost", async () => {
    const { response } = await launchRun(generation("a mug"), actor(ana), "k1");
    const [launch] = await launches();
    expect(response.charged_cost).toBe(0.08);
    expect(launch).toMatchObject({ status: "confirmed", spend_month: thisMonth(), reserved_usd: 0.08, charged_usd: 0.08 });
    const [entry] = await activity("launch");
    expect(JSON.parse(entry!.detail_json!)).toMatchObject({ model: "t2i-flux-2-pro", estimate_usd: 1, charged_usd: 0.08, result: "confirmed" });
  });

  it("reserves the highest charge seen for the model once the store has one", async () => {
    await launchRun(generation("four", "t2i-flux-2-pro"), actor(ana), "k4");
    forgetModelEstimates();
    await fixture.control("/faults", { method: "POST", path: "/generate", times: 2, fault: { kind: "reset" } });
    await expect(launchRun(generation("held"), actor(ben), "k5")).rejects.toBeDefined();
    expect((await launches())[1]).toMatchObject({ status: "unconfirmed", reserved_usd: 0.08 });
  });

  it("refuses over the cap with budget_exceeded before anything goes upstream, and logs the refusal", async () => {
    await setCap(db, ana.id, 0.5, null);
    const refused = await launchRun(generation("a mug"), actor(ana), "k1").catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "budget_exceeded", status: 402 });
    expect((refused as Error).message).toMatch(/your monthly budget of \$0\.50: \$0\.00 .* \$0\.50 is left, but the launch needs \$1\.00/);
    expect(await upstreamLaunches("/generate")).toHaveLength(0);
    expect(await launches()).toHaveLength(0);
    const [entry] = await activity("budget_refused");
    expect(entry).toMatchObject({ actor_email: "ana@example.com" });
    expect(JSON.parse(entry!.detail_json!)).toMatchObject({ cap_scope: "user", cap_usd: 0.5, spent_usd: 0, left_usd: 0.5, estimate_usd: 1 });
  });

  it("50 concurrent launches from two users against a team cap that fits 3: exactly 3 go upstream", async () => {
    await setCap(db, TEAM_SCOPE, 0.6, null);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => launchRun(productShot, actor(i % 2 ? ana : ben), `race-${i}`)));
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "budget_exceeded");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(47);
    expect((await upstreamLaunches("/techniques/tech_prodshot/runs")).filter((r) => r.status === 200)).toHaveLength(3);
    expect(await monthSpend(db, thisMonth(), TEAM_SCOPE)).toBeCloseTo(0.6, 9);
  });

  it("a replay with the same key answers from the record and reserves nothing more", async () => {
    await launchRun(generation("twice"), actor(ana), "same");
    const again = await launchRun(generation("twice"), actor(ana), "same");
    expect(again.replayed).toBe(true);
    expect(await launches()).toHaveLength(1);
    expect(await monthSpend(db, thisMonth(), ana.id)).toBeCloseTo(0.08, 9);
    expect(await upstreamLaunches("/generate")).toHaveLength(1);
  });

  it("a launch whose answer was lost keeps its reservation; a retry with its key does not reserve twice", async () => {
    await fixture.control("/faults", { method: "POST", path: "/generate", times: 2, fault: { kind: "reset" } });
    await expect(launchRun(generation("lost"), actor(ana), "lost-1")).rejects.toBeDefined();
    const [lost] = await launches();
    expect(lost).toMatchObject({ status: "unconfirmed", reserved_usd: 1, charged_usd: null });
    // It still counts: a cap of $1.50 has only $0.50 left for Ana.
    await setCap(db, ana.id, 1.5, null);
    await expect(launchRun(generation("another"), actor(ana), "other-1")).rejects.toMatchObject({ code: "budget_exceeded" });
    // The retry of the lost launch keeps its one reservation and settles to the charge.
    await launchRun(generation("lost"), actor(ana), "lost-1");
    expect(await launches()).toHaveLength(1);
    // The simulator charges per output and picks how many a prompt gets: the truth is the run's own charge.
    const [settled] = await launches();
    const charged = (await getRun(settled!.run_id!)).charged_cost;
    expect(charged).toBeGreaterThan(0);
    expect(settled).toMatchObject({ status: "confirmed", reserved_usd: charged, charged_usd: charged });
  });

  it("a definite refusal upstream frees the reservation; a retry reserves again", async () => {
    await fixture.control("/credits", { balance: 0 });
    await expect(launchRun(generation("broke"), actor(ana), "broke-1")).rejects.toMatchObject({ code: "insufficient_credits" });
    expect((await launches())[0]).toMatchObject({ status: "rejected", reserved_usd: 0 });
    await setCap(db, ana.id, 0.5, null);
    await fixture.control("/credits", { balance: 10 });
    // The retry would hold $1.00 again: over Ana's $0.50, so it is refused before FLORA.
    await expect(launchRun(generation("broke"), actor(ana), "broke-1")).rejects.toMatchObject({ code: "budget_exceeded" });
    await setCap(db, ana.id, null, null);
    await launchRun(generation("broke"), actor(ana), "broke-1");
    expect((await launches())[0]).toMatchObject({ status: "confirmed", reserved_usd: 0.08 });
  });

  it("a failed run FLORA did not charge frees its money once the dashboard reads it finished", async () => {
    const { response } = await launchRun(generation("[fail] doomed"), actor(ana), "fail-1");
    expect((await launches())[0]).toMatchObject({ reserved_usd: 0.08, cost_final_at: null });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await getRun(response.run_id)).status).toBe("failed");
    await vi.waitFor(async () => expect((await launches())[0]).toMatchObject({ reserved_usd: 0, charged_usd: 0, cost_final_at: expect.any(Number) }));
  });
});

describe("launchRun when another instance sends the same key", () => {
  it("answers the run the other instance confirmed, and leaves its record and charge alone", async () => {
    const { upstreamIdempotencyKey } = await import("@/lib/launches/idempotency-key");
    const { confirmLaunch, findLaunchByKey } = await import("@/lib/launches/launch-store");
    const key = upstreamIdempotencyKey(ana.id, "both-1");
    // This instance's attempt is held 600 ms on its way in; the key lock is per process, so
    // the other instance is not held back by it.
    await fixture.control("/faults", { method: "POST", path: "/generate", times: 1, fault: { kind: "delay", ms: 600 } });
    const here = launchRun(generation("two doors"), actor(ana), "both-1");
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The other instance: its attempt reaches FLORA first, and it confirms the shared record.
    const answer = await fetch(`${fixture.sim.baseURL}/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${fixture.sim.options.apiKey}`, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(generation("two doors").body),
    });
    const theirs = (await answer.json()) as { run_id: string; charged_cost: number };
    const pending = await findLaunchByKey(db, key);
    await confirmLaunch(db, pending!.id, { runId: theirs.run_id, response: theirs as never, estimatedCost: theirs.charged_cost });

    // FLORA then refuses this instance's attempt as a duplicate key.
    const { response, replayed } = await here;
    expect(response.run_id).toBe(theirs.run_id);
    expect(replayed).toBe(true);
    // Logged as they arrived: this instance's (held, then refused), the other's (started the run).
    expect((await upstreamLaunches("/generate")).map(({ status, fault }) => ({ status, fault }))).toEqual([
      { status: 409, fault: "delay" },
      { status: 200, fault: null },
    ]);
    expect(await launches()).toEqual([expect.objectContaining({ status: "confirmed", run_id: theirs.run_id, reserved_usd: theirs.charged_cost })]);
  });
});
