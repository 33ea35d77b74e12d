import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memorySignInLimiter, redisSignInLimiter } from "@/lib/auth/attempt-limiter";
import { hasRedisServer, redisInstances, startRedis, type RedisServer } from "@/lib/testing/redis";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!hasRedisServer())("sign-in limits shared through Redis", () => {
  let server: RedisServer;

  const instances = redisInstances(() => server.url);
  /** An "instance": its own pair of connections, as a separate process has, once connected. */
  const instance = (name: string, at?: string, reconnectMs?: number) => instances.instance(name, { at, reconnectMs });

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    instances.disconnectAll();
    await server?.stop();
  });

  it("failures recorded on instance A block the same email on instance B, and only that email", async () => {
    const a = redisSignInLimiter(await instance("a"), 3, 60);
    const b = redisSignInLimiter(await instance("b"), 3, 60);
    await a.recordFailure(["email:ana@x.example", "ip:10.0.0.1"]);
    await b.recordFailure(["email:ana@x.example", "ip:10.0.0.2"]);
    expect(await b.blockedFor(["email:ana@x.example", "ip:10.0.0.3"])).toBe(0);
    await a.recordFailure(["email:ana@x.example", "ip:10.0.0.3"]);
    const wait = await b.blockedFor(["email:ana@x.example", "ip:10.0.0.4"]);
    expect(wait).toBeGreaterThanOrEqual(58);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await b.blockedFor(["email:bo@x.example", "ip:10.0.0.4"])).toBe(0);
    // Per-instance memory, as without REDIS_URL, would have let B through: the contrast.
    const alone = memorySignInLimiter(3, 60);
    await alone.recordFailure(["email:ana@x.example"]);
    expect(await alone.blockedFor(["email:ana@x.example"])).toBe(0);
  });

  it("forgiving on one instance forgives on the other", async () => {
    const a = redisSignInLimiter(await instance("a"), 2, 60);
    const b = redisSignInLimiter(await instance("b"), 2, 60);
    await a.recordFailure(["email:cy@x.example"]);
    await a.recordFailure(["email:cy@x.example"]);
    expect(await b.blockedFor(["email:cy@x.example"])).toBeGreaterThan(0);
    await b.forgive("email:cy@x.example");
    expect(await a.blockedFor(["email:cy@x.example"])).toBe(0);
  });

  it("keeps its counts under atelier:, each with its window as expiry", async () => {
    const { commands } = await instance("keys");
    await redisSignInLimiter({ commands, subscriber: commands, instanceId: "keys" }, 5, 60).recordFailure(["email:dee@x.example"]);
    expect(await commands.keys("*dee@x.example*")).toEqual(["atelier:limit:sign-in:email:dee@x.example"]);
    const ttl = await commands.pttl("atelier:limit:sign-in:email:dee@x.example");
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("Redis down: each instance still limits, in its own memory, without waiting on a reconnect", async () => {
    const doomed = await startRedis();
    const a = redisSignInLimiter(await instance("a", doomed.url), 2, 60);
    const b = redisSignInLimiter(await instance("b", doomed.url), 2, 60);
    await doomed.stop();
    await sleep(200);
    const started = Date.now();
    await a.recordFailure(["email:eve@x.example"]);
    await a.recordFailure(["email:eve@x.example"]);
    expect(await a.blockedFor(["email:eve@x.example"])).toBeGreaterThan(0);
    // B's memory is its own: the limit is per instance while Redis is gone.
    expect(await b.blockedFor(["email:eve@x.example"])).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("a Redis that is connected but does not answer: the limit is counted in memory within the time box", async () => {
    const stalled = await startRedis();
    const admin = new Redis(stalled.url);
    const a = redisSignInLimiter(await instance("a", stalled.url), 1, 60);
    await a.blockedFor(["email:fay@x.example"]);
    await admin.call("CLIENT", "PAUSE", "3000", "ALL");
    const started = Date.now();
    await a.recordFailure(["email:fay@x.example"]);
    expect(await a.blockedFor(["email:fay@x.example"])).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1_500);
    await admin.call("CLIENT", "UNPAUSE").catch(() => {});
    admin.disconnect();
    await stalled.stop();
  });
});
