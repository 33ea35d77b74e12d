import { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import FLORA from "@flora-ai/flora";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { isLoopbackAddress } from "./control/loopback";
import { FaultRegistry, faultRuleInputSchema } from "./faults/fault-registry";
import type { LoggedRequest } from "./state/request-log";
import { NORTHWIND, startFixture, type SimFixture } from "./testing/sim-fixture";

let fx: SimFixture;
beforeAll(async () => {
  fx = await startFixture({ rateLimitPerMinute: 0 });
});
afterAll(() => fx.sim.close());
beforeEach(async () => {
  await fx.control("/reset", {});
});

const arm = async (rule: unknown) => {
  const response = await fx.control("/faults", rule);
  expect(response.status).toBe(201);
};
const requests = async () => ((await (await fx.control("/requests")).json()) as { requests: LoggedRequest[] }).requests;

describe("fault injection", () => {
  it("status: answers the status for the next `times` matching requests, in the envelope", async () => {
    await arm({ path: "/workspaces", times: 2, fault: { kind: "status", status: 503 } });
    for (let i = 0; i < 2; i++) {
      const response = await fx.api("/workspaces");
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: { code: "service_unavailable", message: "Service unavailable." } });
    }
    expect((await fx.api("/workspaces")).status).toBe(200);
  });

  it("status: sends a given body and headers, and only for the given method", async () => {
    await arm({
      method: "post", path: "/generate",
      fault: { kind: "status", status: 429, headers: { "retry-after": "7" }, body: { error: { code: "rate_limited", message: "Slow down." } } },
    });
    expect((await fx.api("/generate")).status).toBe(405); // GET does not match the POST-only fault
    const error = await fx.client().generations.create({ type: "text", prompt: "x", ...NORTHWIND }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FLORA.RateLimitError);
    expect((error as InstanceType<typeof FLORA.APIError>).headers?.get("retry-after")).toBe("7");
  });

  it("fires after auth: a bad key gets 401 and leaves the fault armed", async () => {
    await arm({ path: "/models", fault: { kind: "status", status: 500 } });
    expect((await fetch(`${fx.sim.baseURL}/models`)).status).toBe(401);
    expect((await fx.api("/models")).status).toBe(500);
    expect((await fx.api("/models")).status).toBe(200);
  });

  it("delay: answers normally after the delay", async () => {
    await arm({ path: "/runs/", fault: { kind: "delay", ms: 300 } });
    const started = Date.now();
    const response = await fx.api("/runs/run_missing");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(404);
  });

  it("hang: never answers, so the client times out", async () => {
    await arm({ path: "/generations", fault: { kind: "hang" } });
    const error = await fx.client({ timeout: 300 }).generations.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FLORA.APIConnectionTimeoutError);
    expect((await requests()).at(-1)).toMatchObject({ path: "/api/v1/generations", status: null, fault: "hang" });
  });

  it("reset: destroys the socket", async () => {
    await arm({ path: "/generations", fault: { kind: "reset" } });
    await expect(fx.api("/generations")).rejects.toThrow();
    await arm({ path: "/generations", fault: { kind: "reset" } });
    await expect(fx.client().generations.list()).rejects.toBeInstanceOf(FLORA.APIConnectionError);
  });

  it("malformed: 200 with valid JSON of the wrong shape", async () => {
    await arm({ path: "/generations", fault: { kind: "malformed" } });
    const response = await fx.api("/generations");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.generations).toBe("nope");
  });

  it("truncated: 200 with a cut-off JSON body", async () => {
    await arm({ path: "/runs/", times: 2, fault: { kind: "truncated" } });
    const response = await fx.api("/runs/run_x");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    await expect(fx.client().generations.retrieve("run_x")).rejects.toThrow();
  });

  it("trickle: the real answer, headers at once, then the body a few bytes at a time", async () => {
    const whole = await (await fx.api("/workspaces")).text();
    await arm({ path: "/workspaces", fault: { kind: "trickle", bytesPerChunk: 64, chunkDelayMs: 40 } });
    const started = Date.now();
    const response = await fx.api("/workspaces");
    const headersAfter = Date.now() - started;
    expect(response.status).toBe(200);
    const text = await response.text();
    const elapsed = Date.now() - started;
    expect(text).toBe(whole);
    const chunks = Math.ceil(Buffer.byteLength(whole) / 64);
    expect(chunks).toBeGreaterThan(3);
    expect(elapsed).toBeGreaterThanOrEqual(chunks * 40 - 10);
    expect(headersAfter).toBeLessThan((chunks * 40) / 2);
    expect((await requests()).at(-1)).toMatchObject({ path: "/api/v1/workspaces", status: 200, fault: "trickle" });
  });

  it("trickle: a client past its deadline gets no complete body, and the trickle stops writing", async () => {
    await arm({ path: "/workspaces", fault: { kind: "trickle", bytesPerChunk: 1, chunkDelayMs: 20 } });
    const write = vi.spyOn(ServerResponse.prototype, "write");
    try {
      const response = await fx.api("/workspaces", { signal: AbortSignal.timeout(200) });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
      await sleep(100);
      const writes = write.mock.calls.length;
      expect(writes).toBeGreaterThan(0);
      await sleep(200);
      expect(write.mock.calls.length).toBe(writes);
    } finally {
      write.mockRestore();
    }
    expect((await requests()).at(-1)).toMatchObject({ path: "/api/v1/workspaces", status: null, fault: "trickle" });
    expect((await fx.api("/workspaces")).status).toBe(200);
  });

  it("trickle on a launch: the launch really happens, its answer is just slow", async () => {
    await arm({ method: "POST", path: "/generate", fault: { kind: "trickle", bytesPerChunk: 32, chunkDelayMs: 10 } });
    const response = await fx.api("/generate", {
      method: "POST",
      body: JSON.stringify({ type: "text", prompt: "slowly", ...NORTHWIND }),
      headers: { "content-type": "application/json", "idempotency-key": "trickled-1" },
    });
    const body = (await response.json()) as { run_id: string };
    expect(body.run_id).toMatch(/^run_/);
    const state = (await (await fx.control("/state")).json()) as { generations: { total: number }; idempotency_keys: number };
    expect(state).toMatchObject({ generations: { total: 5001 }, idempotency_keys: 1 });
  });

  it("for_ms: every matching request for that long, however many, then none (a storm)", async () => {
    await arm({ method: "GET", path: "/workspaces", for_ms: 400, fault: { kind: "status", status: 503 } });
    for (let i = 0; i < 6; i++) expect((await fx.api("/workspaces")).status).toBe(503);
    const listed = (await (await fx.control("/faults")).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([expect.objectContaining({ remaining: null, until: expect.any(Number) })]);
    await sleep(450);
    expect((await fx.api("/workspaces")).status).toBe(200);
    expect(await (await fx.control("/state")).json()).toMatchObject({ faults: 0 });
  });

  it("DELETE /_sim/faults disarms everything", async () => {
    await arm({ path: "/", times: 5, fault: { kind: "status", status: 500 } });
    expect(await (await fx.control("/faults", undefined, "DELETE")).json()).toEqual({ cleared: 1 });
    expect((await fx.api("/workspaces")).status).toBe(200);
  });

  it("rejects an invalid fault rule", async () => {
    const response = await fx.control("/faults", { path: "/x", fault: { kind: "explode" } });
    expect(response.status).toBe(400);
  });
});

describe("fault rules over time", () => {
  const registryAt = (clock: { now: number }) => {
    const registry = new FaultRegistry(() => clock.now);
    return { registry, arm: (input: unknown) => registry.add(faultRuleInputSchema.parse(input)) };
  };

  it("times alone keeps its meaning: one use by default, then gone", () => {
    const { registry, arm: add } = registryAt({ now: 1_000 });
    add({ path: "/a", fault: { kind: "hang" } });
    add({ path: "/b", times: 2, fault: { kind: "reset" } });
    expect(registry.take("GET", "/a")).toEqual({ kind: "hang" });
    expect(registry.take("GET", "/a")).toBeUndefined();
    expect(registry.take("GET", "/b/x")).toEqual({ kind: "reset" });
    expect(registry.take("GET", "/b/x")).toEqual({ kind: "reset" });
    expect(registry.take("GET", "/b/x")).toBeUndefined();
  });

  it("for_ms alone answers every match until its time is up, and is no longer listed after", () => {
    const clock = { now: 1_000 };
    const { registry, arm: add } = registryAt(clock);
    expect(add({ path: "/runs/", for_ms: 30_000, fault: { kind: "status", status: 503 } })).toMatchObject({ remaining: null, until: 31_000 });
    for (let i = 0; i < 500; i++) expect(registry.take("GET", "/runs/run_1")).toMatchObject({ status: 503 });
    clock.now = 30_999;
    expect(registry.take("GET", "/runs/run_1")).toBeDefined();
    clock.now = 31_000;
    expect(registry.list()).toEqual([]);
    expect(registry.take("GET", "/runs/run_1")).toBeUndefined();
  });

  it("times with for_ms: whichever ends first", () => {
    const clock = { now: 5_000 };
    const { registry, arm: add } = registryAt(clock);
    add({ path: "/a", times: 2, for_ms: 1_000, fault: { kind: "hang" } });
    add({ path: "/b", times: 5, for_ms: 1_000, fault: { kind: "hang" } });
    expect(registry.take("GET", "/a")).toBeDefined();
    expect(registry.take("GET", "/a")).toBeDefined();
    expect(registry.take("GET", "/a")).toBeUndefined();
    expect(registry.take("GET", "/b")).toBeDefined();
    clock.now += 1_000;
    expect(registry.take("GET", "/b")).toBeUndefined();
  });

  it("refuses a storm of no length and a trickle that never moves", () => {
    const bad = [
      { path: "/a", for_ms: 0, fault: { kind: "hang" } },
      { path: "/a", for_ms: -5, fault: { kind: "hang" } },
      { path: "/a", fault: { kind: "trickle", bytesPerChunk: 0 } },
      { path: "/a", fault: { kind: "trickle", chunkDelayMs: 0 } },
    ];
    for (const input of bad) expect(faultRuleInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    expect(faultRuleInputSchema.parse({ path: "/a", fault: { kind: "trickle" } }).fault).toEqual({ kind: "trickle", bytesPerChunk: 4, chunkDelayMs: 500 });
  });
});

describe("control API", () => {
  it("logs API requests with idempotency key and status, and clears the log", async () => {
    await fx.api("/workspaces?x=1");
    await fx.api("/generate", { method: "POST", body: "{}", headers: { "idempotency-key": "k-1" } });
    await fetch(`${fx.sim.origin}/media/poster.png`); // media is not an API request
    const log = await requests();
    expect(log.map((r) => [r.method, r.path, r.status, r.idempotency_key])).toEqual([
      ["GET", "/api/v1/workspaces?x=1", 200, null],
      ["POST", "/api/v1/generate", 400, "k-1"],
    ]);
    expect(log[0]?.request_id).toMatch(/^req_/);
    await fx.control("/requests", undefined, "DELETE");
    expect(await requests()).toEqual([]);
  });

  it("sets credits and resets to the seeded state", async () => {
    await fx.control("/credits", { balance: 3 });
    await fx.client().generations.create({ type: "text", prompt: "x", ...NORTHWIND });
    await arm({ path: "/", fault: { kind: "status", status: 500 } });
    const before = (await (await fx.control("/state")).json()) as Record<string, unknown>;
    expect(before).toMatchObject({ balance: 2.98, faults: 1, generations: { total: 5001 } });
    await fx.control("/reset", {});
    const after = (await (await fx.control("/state")).json()) as Record<string, unknown>;
    expect(after).toMatchObject({ balance: 250, faults: 0, requests: 0, idempotency_keys: 0, generations: { total: 5000 } });
  });

  it("says which start it belongs to (null when npm start did not name one)", async () => {
    expect(await (await fx.control("/instance")).json()).toEqual({ instance_id: null });
  });

  it("only answers loopback clients", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of [undefined, "", "10.0.0.1", "192.168.1.20", "::ffff:10.0.0.1", "fe80::1", "8.8.8.8"]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });
});
