import FLORA from "@flora-ai/flora";
import { afterEach, describe, expect, it } from "vitest";
import { NORTHWIND, startFixture, waitFor, type SimFixture } from "./testing/sim-fixture";

let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.sim.close();
  fx = undefined;
});

const textRun = (prompt = "hello") => ({ type: "text" as const, prompt, ...NORTHWIND });
const balance = async (f: SimFixture) => ((await (await f.control("/state")).json()) as { balance: number }).balance;

describe("idempotency", () => {
  it("answers 409 idempotency_duplicate when a header key is reused", async () => {
    fx = await startFixture();
    const client = fx.client();
    const headers = { "Idempotency-Key": "same-key" };
    await client.generations.create(textRun(), { headers });
    const error = await client.generations.create(textRun(), { headers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FLORA.ConflictError);
    expect((error as InstanceType<typeof FLORA.APIError>).error).toEqual({
      error: { code: "idempotency_duplicate", message: "Duplicate idempotency key." },
    });
    // A fresh key still launches.
    await client.generations.create(textRun(), { headers: { "Idempotency-Key": "other-key" } });
  });

  it("honours a technique run's body idempotency_key the same way", async () => {
    fx = await startFixture();
    const client = fx.client();
    const body = { inputs: [{ id: "script", type: "text" as const, value: "Hi" }], mode: "async" as const, idempotency_key: "tr-1" };
    await client.techniques.runs.create("tech_voiceovr", body);
    await expect(client.techniques.runs.create("tech_voiceovr", body)).rejects.toBeInstanceOf(FLORA.ConflictError);
  });

  it("does not burn a key on a rejected launch", async () => {
    fx = await startFixture({ credits: 0 });
    const client = fx.client();
    const headers = { "Idempotency-Key": "retry-me" };
    await expect(client.generations.create(textRun(), { headers })).rejects.toMatchObject({ status: 402 });
    await fx.control("/credits", { balance: 5 });
    await expect(client.generations.create(textRun(), { headers })).resolves.toMatchObject({ type: "generation" });
  });
});

describe("credits", () => {
  it("spends launches from the balance and answers 402 when it cannot cover one", async () => {
    fx = await startFixture({ credits: 0.05 });
    const client = fx.client();
    const first = await client.generations.create(textRun());
    expect(first.charged_cost).toBe(0.02);
    expect(await balance(fx)).toBe(0.03);
    await client.generations.create(textRun());
    const error = await client.generations.create(textRun()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FLORA.APIError);
    expect((error as InstanceType<typeof FLORA.APIError>).status).toBe(402);
    expect((error as InstanceType<typeof FLORA.APIError>).error).toEqual({
      error: { code: "insufficient_credits", message: "Insufficient credits." },
    });
  });

  it("refunds a run once it fails", async () => {
    fx = await startFixture({ credits: 1, runSeconds: 0.3 });
    const client = fx.client();
    const created = await client.generations.create(textRun("boom [fail]"));
    expect(await balance(fx)).toBe(0.98);
    const run = await waitFor(() => client.generations.retrieve(created.run_id), (r) => r.status === "failed");
    expect(run).toMatchObject({ error_code: "provider_error", charged_cost: 0 });
    expect(await balance(fx)).toBe(1);
  });
});

describe("rate limit", () => {
  it("answers 429 rate_limited with Retry-After past the per-minute limit", async () => {
    fx = await startFixture({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await fx.api("/workspaces")).status).toBe(200);
    const response = await fx.api("/workspaces");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Rate limit exceeded." } });
    await expect(fx.client().workspaces.list()).rejects.toBeInstanceOf(FLORA.RateLimitError);
  });

  it("counts requests per key: a wrong key gets 401, not 429, and uses nothing", async () => {
    fx = await startFixture({ rateLimitPerMinute: 1 });
    expect((await fetch(`${fx.sim.baseURL}/workspaces`)).status).toBe(401);
    expect((await fx.api("/workspaces")).status).toBe(200);
    expect((await fx.api("/workspaces")).status).toBe(429);
  });

  it("is off when the limit is 0", async () => {
    fx = await startFixture({ rateLimitPerMinute: 0 });
    const statuses = await Promise.all(Array.from({ length: 30 }, () => fx!.api("/models").then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
