import FLORA from "@flora-ai/flora";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isLoopbackAddress } from "./control/loopback";
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
