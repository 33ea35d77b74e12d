import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env-schema";
import { checkRedis } from "@/lib/health/redis-check";

describe("checkRedis", () => {
  it("is off without REDIS_URL", () => {
    expect(checkRedis(undefined)).toEqual({ status: "off" });
  });

  it("is still off with REDIS_URL, says why, and never repeats the URL", () => {
    const result = checkRedis("redis://:s3cret@redis.internal:6379/0");
    expect(result.status).toBe("off");
    expect(JSON.stringify(result)).not.toMatch(/s3cret|redis\.internal|6379/);
    expect(result).toHaveProperty("message", expect.stringContaining("does not use Redis yet"));
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
