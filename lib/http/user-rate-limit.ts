import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedRedis, type SharedRedis } from "@/lib/redis/connection";
import { memoryLimiter, sharedLimiter } from "@/lib/redis/shared-limiter";

/**
 * Gateway requests per teammate per minute (USER_RATE_LIMIT_PER_MINUTE), so one runaway
 * script or tab cannot spend the whole team's FLORA rate limit. On globalThis: the route
 * wrapper and the custom server's fast path count into the same budget. Plain (no
 * `server-only`) because the fast path runs outside Next's bundles; the wrapper creates it
 * with the configured budget on the first request, before the fast path can answer any.
 * With REDIS_URL the budget is counted in Redis, one per teammate however many instances
 * answer them (per instance again, in memory, while Redis cannot be reached).
 */
const holder = globalThis as typeof globalThis & {
  __atelierUserRequests?: { perMinute: number; redis: SharedRedis | null; limiter: RateLimiterAbstract };
};

/** A budget of `perMinute` requests per user: in Redis when given one, else in memory. */
export function createUserRequestLimiter(perMinute: number, redis: SharedRedis | null): RateLimiterAbstract {
  const limit = { name: "user-requests", points: perMinute, durationSeconds: 60 };
  return redis ? sharedLimiter(redis, limit) : memoryLimiter(limit);
}

export function userRequestLimiter(perMinute?: number): RateLimiterAbstract | undefined {
  const current = holder.__atelierUserRequests;
  const redis = sharedRedis();
  if (perMinute !== undefined && (current?.perMinute !== perMinute || current.redis !== redis)) {
    holder.__atelierUserRequests = { perMinute, redis, limiter: createUserRequestLimiter(perMinute, redis) };
  }
  return holder.__atelierUserRequests?.limiter;
}

/** Counts one request; 0 when allowed, else the whole seconds until the budget refills. */
export async function takeUserRequest(limiter: RateLimiterAbstract, userId: string): Promise<number> {
  try {
    await limiter.consume(userId, 1);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
