import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Database, User } from "@/lib/db/schema";
import type { Run } from "@/lib/flora/schemas";
import { parseEnv, type Env } from "@/lib/env-schema";
import { startFixture, waitFor, type SimFixture } from "@/simulator/testing/sim-fixture";
import { signatureHeader } from "@/simulator/webhooks/sign";

/**
 * POST /api/webhooks/flora against the simulator, with the store in memory. Refusals first,
 * each checked to change nothing; then the simulator's own signed delivery, received by a
 * loopback server in front of the handler, settles a launch, and a replay of it does not.
 */
const logged = vi.hoisted(() => ({ warn: [] as Array<[string, unknown]>, info: [] as Array<[string, unknown]> }));
vi.mock("@/lib/log", () => ({
  log: {
    warn: (message: string, details: unknown) => logged.warn.push([message, details]),
    info: (message: string, details: unknown) => logged.info.push([message, details]),
    error: vi.fn(),
    debug: vi.fn(),
  },
  describeError: (e: unknown) => ({ error: String(e) }),
  withRequestId: <T,>(handle: () => T) => handle(),
}));
const state = vi.hoisted(() => ({ env: undefined as unknown, db: undefined as unknown }));
vi.mock("@/lib/env", () => ({ getEnv: () => state.env }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
const caller = vi.hoisted(() => ({ user: undefined as unknown }));
vi.mock("@/lib/auth/request-actor", () => ({ requestActor: async () => ({ user: caller.user, token: null }) }));

const { launchRun } = await import("@/lib/launches/launch-service");
const { floraWebhookHandler, MAX_WEBHOOK_BYTES } = await import("@/lib/webhooks/receive-webhook");
const { webhookConfig } = await import("@/lib/webhooks/config");
const { onRunChange } = await import("@/lib/runs/run-events");
const { memoryDatabase } = await import("@/lib/testing/memory-db");
const { addUser } = await import("@/lib/users/users");

const SECRET = "whsec_unit_test_secret";
const PLACE = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" };

let fixture: SimFixture;
let receiver: http.Server;
let publicUrl: string;
let db: Kysely<Database>;
let ana: User;
let limiter: RateLimiterMemory;
/** What reached the loopback receiver: the simulator's deliveries, raw. */
let received: Array<{ body: string; headers: Record<string, string> }>;
let changes: Array<{ run_id: string; status: string }>;
let stopListening: () => void;

const envWith = (extra: Record<string, string>): Env =>
  parseEnv({ FLORA_API_KEY: fixture.sim.options.apiKey, FLORA_BASE_URL: fixture.sim.baseURL, AUTH_SECRET: "x".repeat(32), ...extra });
const hooksOn = () => envWith({ PUBLIC_URL: publicUrl, FLORA_WEBHOOK_SECRET: SECRET });

const handler = floraWebhookHandler({
  config: () => webhookConfig(state.env as Env),
  db: async () => db,
  limiter: () => limiter,
  addressOf: (request) => request.headers.get("x-test-address") ?? "127.0.0.1",
});

beforeAll(async () => {
  fixture = await startFixture({ runSeconds: 1, webhookSecret: SECRET });
  // FLORA's side of the wire: the simulator POSTs its signed delivery here, to the handler.
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      received.push({ body, headers });
      const answer = await handler(new Request(`${publicUrl}${req.url}`, { method: "POST", headers, body }));
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  publicUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fixture.sim.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  await fixture.control("/reset", {});
  db = await memoryDatabase();
  state.db = db;
  state.env = hooksOn();
  ana = await addUser(db, { email: "ana@example.com", role: "member" });
  caller.user = ana;
  limiter = new RateLimiterMemory({ points: 100, duration: 60 });
  received = [];
  changes = [];
  logged.warn.length = 0;
  logged.info.length = 0;
  stopListening = onRunChange((change) => changes.push({ run_id: change.run_id, status: change.status }));
});
afterEach(async () => {
  stopListening();
  await db.destroy();
});

const actor = () => ({ user: ana, token: null });
const launch = (prompt: string, key: string) =>
  launchRun({ kind: "generation", body: { type: "image", prompt, model: "t2i-flux-2-pro", ...PLACE } }, actor(), key);
const launches = () => db.selectFrom("launches").selectAll().execute();
const deliveriesStored = () => db.selectFrom("webhook_deliveries").selectAll().execute();
const simDeliveries = async () =>
  ((await (await fixture.control("/webhooks")).json()) as { deliveries: Array<{ url: string; status: number | null; run_id: string }> }).deliveries;
async function upstreamReads(runId: string) {
  const { requests } = (await (await fixture.control("/requests")).json()) as { requests: Array<{ method: string; path: string }> };
  return requests.filter((request) => request.method === "GET" && request.path.includes(runId));
}

function event(runId: string, { id = `whd_${runId}`, status = "completed" as "completed" | "failed", runType = "generation" } = {}) {
  return JSON.stringify({
    id,
    type: `run.${status}`,
    api_version: "2026-06-11",
    created_at: Date.now(),
    data: { run_id: runId, run_type: runType, workspace_id: "ws_northwind", status },
  });
}
function deliver(body: string, { signature, secret = SECRET, at = Math.floor(Date.now() / 1000), address }: { signature?: string | null; secret?: string; at?: number; address?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const header = signature === undefined ? signatureHeader(body, secret, at) : signature;
  if (header !== null) headers["flora-signature"] = header;
  if (address) headers["x-test-address"] = address;
  return handler(new Request(`${publicUrl}/api/webhooks/flora`, { method: "POST", headers, body }));
}

/** A confirmed launch whose run has ended upstream, before anything told the dashboard. */
async function endedLaunch(key: string) {
  state.env = envWith({}); // launched without PUBLIC_URL: no delivery of the simulator's own
  const { response } = await launch("a mug", key);
  state.env = hooksOn();
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  return response.run_id;
}

async function expectNothingChanged(runId: string) {
  expect(await deliveriesStored()).toEqual([]);
  expect(await upstreamReads(runId)).toEqual([]);
  expect(changes).toEqual([]);
  expect((await launches())[0]).toMatchObject({ cost_final_at: null });
}

describe("refusals: each answers in the envelope and changes nothing", () => {
  it("unsigned → 400", async () => {
    const runId = await endedLaunch("u1");
    const answer = await deliver(event(runId), { signature: null });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: { code: "input_validation_error", message: expect.stringMatching(/Flora-Signature/) } });
    await expectNothingChanged(runId);
    expect(logged.warn.map(([message]) => message)).toContain("webhook delivery refused");
  });

  it("signed with another secret, or a body changed after signing → 401", async () => {
    const runId = await endedLaunch("u2");
    const wrong = await deliver(event(runId), { secret: "whsec_someone_else" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "unauthorized" } });
    const body = event(runId);
    const tampered = await deliver(body.replace("completed", "failed"), { signature: signatureHeader(body, SECRET, Math.floor(Date.now() / 1000)) });
    expect(tampered.status).toBe(401);
    await expectNothingChanged(runId);
  });

  it("a signature older than 300 s → 401; one of 290 s is accepted", async () => {
    const runId = await endedLaunch("u3");
    const stale = await deliver(event(runId), { at: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    await expectNothingChanged(runId);
    expect((await deliver(event(runId), { at: Math.floor(Date.now() / 1000) - 290 })).status).toBe(200);
  });

  it.each([
    ["not JSON", "{not json", "invalid_json"],
    ["no run id", JSON.stringify({ id: "whd_1", type: "run.completed", data: { run_type: "generation", status: "completed" } }), "input_validation_error"],
    ["an unknown type", JSON.stringify({ id: "whd_1", type: "run.started", data: { run_id: "run_x", run_type: "generation", status: "completed" } }), "input_validation_error"],
    ["a run id without its prefix", JSON.stringify({ id: "whd_1", type: "run.completed", data: { run_id: "../x", run_type: "generation", status: "completed" } }), "input_validation_error"],
    ["a type that contradicts the status", JSON.stringify({ id: "whd_1", type: "run.completed", data: { run_id: "run_x", run_type: "generation", status: "failed" } }), "input_validation_error"],
  ])("signed but malformed (%s) → 400", async (_what, body, code) => {
    const answer = await deliver(body);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code } });
    expect(await deliveriesStored()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it("a body over 64 KB → 413, before its signature is even looked at", async () => {
    const body = JSON.stringify({ ...JSON.parse(event("run_big")), padding: "x".repeat(MAX_WEBHOOK_BYTES) });
    const answer = await deliver(body);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await deliveriesStored()).toEqual([]);
  });

  it("past the limit per client address → 429 with Retry-After; another address is still heard", async () => {
    limiter = new RateLimiterMemory({ points: 2, duration: 60 });
    const forged = event("run_flood");
    for (let i = 0; i < 2; i += 1) expect((await deliver(forged, { secret: "whsec_forger", address: "203.0.113.9" })).status).toBe(401);
    const limited = await deliver(forged, { address: "203.0.113.9" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await deliver(forged, { secret: "whsec_forger", address: "198.51.100.7" })).status).toBe(401);
  });

  it("not configured (no PUBLIC_URL) → 404, whatever is sent", async () => {
    state.env = envWith({});
    const answer = await deliver(event("run_x"));
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { code: "not_found" } });
    expect(await deliveriesStored()).toEqual([]);
  });
});

describe("a verified delivery", () => {
  it("launches send callback_url=<PUBLIC_URL>/api/webhooks/flora; the simulator's signed delivery settles the launch, publishes once, reads upstream once", async () => {
    const { response } = await launch("a mug", "k1");
    const runId = response.run_id;
    const delivered = await waitFor(simDeliveries, (list) => list.length > 0);
    expect(delivered).toEqual([expect.objectContaining({ run_id: runId, url: `${publicUrl}/api/webhooks/flora`, status: 200 })]);
    await vi.waitFor(async () => expect((await launches())[0]).toMatchObject({ run_id: runId, cost_final_at: expect.any(Number), charged_usd: 0.08 }));
    expect(changes).toEqual([{ run_id: runId, status: "completed" }]);
    expect(await upstreamReads(runId)).toHaveLength(1);
    expect(await deliveriesStored()).toEqual([expect.objectContaining({ run_id: runId })]);

    // FLORA delivers again (it did not hear the 200): acknowledged, nothing read or told.
    const [first] = received;
    const replay = await handler(new Request(`${publicUrl}/api/webhooks/flora`, { method: "POST", headers: first!.headers, body: first!.body }));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(await upstreamReads(runId)).toHaveLength(1);
    expect(changes).toHaveLength(1);
  });

  it("reads upstream past a fresh poll-cache entry, and the cache then holds that read", async () => {
    const { getRun } = await import("@/lib/flora/reads");
    const runId = await endedLaunch("k2");
    const { runPollCache, runCacheKey } = await import("@/lib/flora/cache/run-poll-cache");
    // A stale "running" is what a teammate's poll left a moment before the run ended.
    const asRunning = { ...((await (await fixture.api(`/runs/${runId}`)).json()) as Run), status: "running" as const };
    await runPollCache().refresh(runCacheKey(runId), async () => asRunning);
    expect((await getRun(runId)).status).toBe("running");
    expect(runPollCache().peek(runCacheKey(runId))).toMatchObject({ status: "running" });
    const before = (await upstreamReads(runId)).length;
    expect((await deliver(event(runId))).status).toBe(200);
    expect(await upstreamReads(runId)).toHaveLength(before + 1);
    expect(runPollCache().peek(runCacheKey(runId))).toMatchObject({ status: "completed" });
    expect(changes).toEqual([{ run_id: runId, status: "completed" }]);
    await vi.waitFor(async () => expect((await launches())[0]).toMatchObject({ cost_final_at: expect.any(Number) }));
  });

  it("a client's own callback_url is refused with a 400 field error and nothing goes upstream", async () => {
    const { POST } = await import("@/app/api/v1/generate/route");
    const { NextRequest } = await import("next/server");
    const body = { type: "image", prompt: "a mug", model: "t2i-flux-2-pro", ...PLACE, callback_url: "https://attacker.example/hook" };
    const request = new NextRequest("http://dash.example/api/v1/generate", {
      method: "POST",
      headers: { host: "dash.example", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await POST(request, { params: Promise.resolve({}) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: { code: "input_validation_error", fields: [{ field: "callback_url", message: expect.stringMatching(/set by the dashboard/) }] },
    });
    const { requests } = (await (await fixture.control("/requests")).json()) as { requests: Array<{ method: string; path: string }> };
    expect(requests.filter((r) => r.method === "POST")).toEqual([]);
    expect(await launches()).toEqual([]);
  });

  it("without PUBLIC_URL, launches send no callback_url", async () => {
    state.env = envWith({});
    await launch("a plate", "k3");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await simDeliveries()).toEqual([]);
  });

  it("a technique run the dashboard launched is read under its technique", async () => {
    state.env = envWith({});
    const { response } = await launchRun(
      { kind: "technique", techniqueId: "tech_prodshot", body: { inputs: [{ id: "product", type: "imageUrl", value: "https://example.com/p.png" }], mode: "async" } },
      actor(),
      "t1",
    );
    state.env = hooksOn();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await deliver(event(response.run_id, { runType: "technique" }))).status).toBe(200);
    const reads = await upstreamReads(response.run_id);
    expect(reads.map((read) => read.path)).toEqual([expect.stringContaining(`/techniques/tech_prodshot/runs/${response.run_id}`)]);
    expect(changes).toEqual([{ run_id: response.run_id, status: expect.stringMatching(/completed|failed/) }]);
  });

  it("a technique run it did not launch is acknowledged and logged, not read", async () => {
    const answer = await deliver(event("run_elsewhere", { runType: "technique" }));
    expect(answer.status).toBe(200);
    expect(await upstreamReads("run_elsewhere")).toEqual([]);
    expect(changes).toEqual([]);
    expect(logged.info.map(([message]) => message)).toContain("webhook for a technique run the dashboard did not launch: acknowledged, not read");
  });

  it("when the confirming read fails, the delivery is given back so FLORA's retry is acted on", async () => {
    const runId = await endedLaunch("k4");
    await fixture.control("/faults", { method: "GET", path: `/runs/${runId}`, times: 2, fault: { kind: "status", status: 503 } });
    const failed = await deliver(event(runId));
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await deliveriesStored()).toEqual([]);
    expect(changes).toEqual([]);
    const retried = await deliver(event(runId));
    expect(retried.status).toBe(200);
    expect(changes).toEqual([{ run_id: runId, status: "completed" }]);
  });
});
