import { once } from "node:events";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env-schema";
import { checkRedis, REDIS_NOT_CONNECTED, REDIS_SLOW, REDIS_UNREACHABLE } from "@/lib/health/redis-check";
import type { SharedRedis } from "@/lib/redis/connection";
import { hasRedisServer, startRedis, type RedisServer } from "@/lib/testing/redis";

const SECRET_URL = "redis://:s3cret@redis.internal:6379/0";

describe("checkRedis without a connection", () => {
  it("is off without REDIS_URL", async () => {
    expect(await checkRedis(undefined, null)).toEqual({ status: "off" });
  });

  it("is an error when REDIS_URL is set but the instance never connected, and never repeats the URL", async () => {
    const result = await checkRedis(SECRET_URL, null);
    expect(result).toEqual({ status: "error", message: REDIS_NOT_CONNECTED });
    expect(JSON.stringify(result)).not.toMatch(/s3cret|redis\.internal|6379/);
  });
});

describe.skipIf(!hasRedisServer())("checkRedis against a real Redis", () => {
  let server: RedisServer;
  const opened: Redis[] = [];

  async function connected(url: string): Promise<SharedRedis> {
    const commands = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    commands.on("error", () => {});
    opened.push(commands);
    if (commands.status !== "ready") await once(commands, "ready");
    return { commands, subscriber: commands, instanceId: "health" };
  }

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    opened.forEach((client) => client.disconnect());
    await server?.stop();
  });

  it("is ok when Redis answers PING", async () => {
    expect(await checkRedis(server.url, await connected(server.url))).toEqual({ status: "ok" });
  });

  it("is an error with a fixed message, at once, when Redis has gone away", async () => {
    const doomed = await startRedis();
    const redis = await connected(doomed.url);
    await doomed.stop();
    while (redis.commands.status === "ready") await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    const result = await checkRedis(doomed.url, redis);
    expect(result).toEqual({ status: "error", message: REDIS_UNREACHABLE });
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|redis:\/\/|\d{4,}/);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("is an error within its time box when Redis is connected but does not answer", async () => {
    const stalled = await startRedis();
    const redis = await connected(stalled.url);
    const admin = await connected(stalled.url);
    await admin.commands.call("CLIENT", "PAUSE", "1500", "ALL");
    const started = Date.now();
    expect(await checkRedis(stalled.url, redis, 300)).toEqual({ status: "error", message: REDIS_SLOW });
    expect(Date.now() - started).toBeLessThan(1_000);
    await stalled.stop();
  });
});

describe("REDIS_URL in the environment schema", () => {
  it("accepts redis:// and rediss:// URLs, treats blank as unset, and refuses anything else", () => {
    const parse = (value: string) => envSchema.shape.REDIS_URL.safeParse(value);
    expect(parse("redis://redis:6379").success).toBe(true);
    expect(parse("rediss://user:pass@cache.example.com:6380/1").success).toBe(true);
    expect(parse("").data).toBeUndefined();
    expect(parse("http://redis:6379").success).toBe(false);
    expect(parse("redis:6379").success).toBe(false);
  });
});
