import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible";
import { REDIS_PREFIX, type SharedRedis } from "@/lib/redis/connection";

export interface LimitOptions {
  /** What the limit counts, e.g. "sign-in": names the Redis keys (under atelier:). */
  name: string;
  points: number;
  durationSeconds: number;
}

/** How long a limiter waits on Redis before answering from its instance's memory instead. */
export const SHARED_LIMIT_TIMEOUT_MS = 500;

/**
 * A rate limit counted in Redis, so every instance spends from one budget. Redis is an
 * economy of accuracy here, never a reason to fail the request: when the connection is not
 * ready (`rejectIfRedisNotReady`, no queueing behind a reconnect) or Redis takes longer than
 * SHARED_LIMIT_TIMEOUT_MS, the same limit is counted in this instance's memory, so an
 * outage degrades to per-instance limits, as without REDIS_URL.
 */
export function sharedLimiter(redis: SharedRedis, options: LimitOptions): RateLimiterAbstract {
  const insurance = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds, keyPrefix: options.name });
  const counted = new RateLimiterRedis({
    storeClient: redis.commands,
    keyPrefix: `${REDIS_PREFIX}limit:${options.name}`,
    points: options.points,
    duration: options.durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: insurance,
  });
  // A Redis that is connected but does not answer would otherwise hold the request.
  return new RLWrapperTimeouts({ limiter: counted, timeoutMs: SHARED_LIMIT_TIMEOUT_MS, insuranceLimiter: insurance });
}

/** In this instance's memory only: without REDIS_URL. */
export function memoryLimiter(options: LimitOptions): RateLimiterAbstract {
  return new RateLimiterMemory({ points: options.points, duration: options.durationSeconds, keyPrefix: options.name });
}
