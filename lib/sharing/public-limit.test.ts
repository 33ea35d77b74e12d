import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicLimiter, takePublicRequest } from "@/lib/sharing/public-limit";
import { hasRedisServer, redisInstances, startRedis, type RedisServer } from "@/lib/testing/redis";

describe("public links' per-address limit, in memory", () => {
  it("refuses an address past its budget with the wait, and leaves other addresses alone", async () => {
    const limiter = createPublicLimiter(null, 3);
    expect([await takePublicRequest(limiter, "203.0.113.7"), await takePublicRequest(limiter, "203.0.113.7"), await takePublicRequest(limiter, "203.0.113.7")]).toEqual([0, 0, 0]);
    const wait = await takePublicRequest(limiter, "203.0.113.7");
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await takePublicRequest(limiter, "198.51.100.1")).toBe(0);
  });
});

describe.skipIf(!hasRedisServer())("public links' per-address limit, shared through Redis", () => {
  let server: RedisServer;
  const instances = redisInstances(() => server.url);

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    instances.disconnectAll();
    await server?.stop();
  });

  it("is one budget per address over two instances", async () => {
    const a = createPublicLimiter(await instances.instance("a"), 4);
    const b = createPublicLimiter(await instances.instance("b"), 4);
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await takePublicRequest(i % 2 ? a : b, "203.0.113.9"));
    expect(answers).toEqual([0, 0, 0, 0]);
    expect(await takePublicRequest(a, "203.0.113.9")).toBeGreaterThanOrEqual(1);
    expect(await takePublicRequest(b, "203.0.113.9")).toBeGreaterThanOrEqual(1);
    expect(await takePublicRequest(b, "198.51.100.2")).toBe(0);
  });
});
