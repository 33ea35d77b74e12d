import { once } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUserRequestLimiter, takeUserRequest, userRequestLimiter } from "@/lib/http/user-rate-limit";
import { connectRedis, disconnectRedis } from "@/lib/redis/connection";
import { hasRedisServer, redisInstances, startRedis, type RedisServer } from "@/lib/testing/redis";

describe.skipIf(!hasRedisServer())("per-user request budget shared through Redis", () => {
  let server: RedisServer;

  const instances = redisInstances(() => server.url);
  /** An "instance": its own pair of connections, as a separate process has, once connected. */
  const instance = (name: string, at?: string, reconnectMs?: number) => instances.instance(name, { at, reconnectMs });

  beforeAll(async () => {
    server = await startRedis();
  });
  afterEach(async () => {
    await disconnectRedis();
  });
  afterAll(async () => {
    instances.disconnectAll();
    await server?.stop();
  });

  it("a budget of 5 a minute is 5 in all over two instances, per user", async () => {
    const a = createUserRequestLimiter(5, await instance("a"));
    const b = createUserRequestLimiter(5, await instance("b"));
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await takeUserRequest(i % 2 ? a : b, "ana"));
    expect(answers).toEqual([0, 0, 0, 0, 0]);
    const waitA = await takeUserRequest(a, "ana");
    const waitB = await takeUserRequest(b, "ana");
    for (const wait of [waitA, waitB]) {
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
    }
    // Another teammate spends a budget of their own.
    expect(await takeUserRequest(b, "ben")).toBe(0);
  });

  it("fifty concurrent requests over two instances: exactly the budget passes", async () => {
    const a = createUserRequestLimiter(20, await instance("a"));
    const b = createUserRequestLimiter(20, await instance("b"));
    const waits = await Promise.all(Array.from({ length: 50 }, (_, i) => takeUserRequest(i % 2 ? a : b, "cy")));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(20);
  });

  it("the process's limiter counts in Redis once the instance is connected, and in memory without", async () => {
    const alone = userRequestLimiter(3)!;
    await takeUserRequest(alone, "dee");
    const probe = await instance("probe");
    expect(await probe.commands.exists("atelier:limit:user-requests:dee")).toBe(0);

    const redis = connectRedis(server.url, "this-instance");
    await Promise.all([redis.commands, redis.subscriber].map((client) => client.status === "ready" || once(client, "ready")));
    const shared = userRequestLimiter(3)!;
    expect(shared).not.toBe(alone);
    expect(userRequestLimiter()).toBe(shared);
    await takeUserRequest(shared, "dee");
    expect(await probe.commands.get("atelier:limit:user-requests:dee")).toBe("1");
  });

  it("Redis down: each instance keeps the budget in its own memory and answers at once", async () => {
    const doomed = await startRedis();
    const a = createUserRequestLimiter(2, await instance("a", doomed.url));
    const b = createUserRequestLimiter(2, await instance("b", doomed.url));
    await doomed.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect([await takeUserRequest(a, "eve"), await takeUserRequest(a, "eve")]).toEqual([0, 0]);
    expect(await takeUserRequest(a, "eve")).toBeGreaterThan(0);
    expect(await takeUserRequest(b, "eve")).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
