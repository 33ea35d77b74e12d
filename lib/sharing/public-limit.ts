import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedRedis, type SharedRedis } from "@/lib/redis/connection";
import { memoryLimiter, sharedLimiter } from "@/lib/redis/shared-limiter";

/**
 * Requests to public links (pages and their media together) per client address per
 * minute. A page with four outputs costs five; a person reloading now and then never
 * meets it, a scraper or a guessing loop does. With REDIS_URL it is counted in Redis, one
 * budget per address however many instances answer (per instance while Redis is away).
 */
export const PUBLIC_REQUESTS_PER_MINUTE = 120;

export function createPublicLimiter(redis: SharedRedis | null, perMinute = PUBLIC_REQUESTS_PER_MINUTE): RateLimiterAbstract {
  const limit = { name: "public-links", points: perMinute, durationSeconds: 60 };
  return redis ? sharedLimiter(redis, limit) : memoryLimiter(limit);
}

const holder = globalThis as typeof globalThis & { __atelierPublicLinks?: { redis: SharedRedis | null; limiter: RateLimiterAbstract } };

/** The process's limiter, rebuilt if the Redis connection came or went. */
export function publicLimiter(): RateLimiterAbstract {
  const redis = sharedRedis();
  if (!holder.__atelierPublicLinks || holder.__atelierPublicLinks.redis !== redis) {
    holder.__atelierPublicLinks = { redis, limiter: createPublicLimiter(redis) };
  }
  return holder.__atelierPublicLinks.limiter;
}

/** Counts one request from `address`; 0 when allowed, else the whole seconds to wait. */
export async function takePublicRequest(limiter: RateLimiterAbstract, address: string): Promise<number> {
  try {
    await limiter.consume(address, 1);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
