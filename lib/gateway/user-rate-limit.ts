import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Gateway requests per teammate per minute (USER_RATE_LIMIT_PER_MINUTE), so one runaway
 * script or tab cannot spend the whole team's FLORA rate limit. On globalThis: the route
 * wrapper and the custom server's fast path count into the same budget. Plain (no
 * `server-only`) because the fast path runs outside Next's bundles; the wrapper creates it
 * with the configured budget on the first request, before the fast path can answer any.
 */
const holder = globalThis as typeof globalThis & { __atelierUserRequests?: { perMinute: number; limiter: RateLimiterMemory } };

export function userRequestLimiter(perMinute?: number): RateLimiterMemory | undefined {
  if (perMinute !== undefined && holder.__atelierUserRequests?.perMinute !== perMinute) {
    holder.__atelierUserRequests = { perMinute, limiter: new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: "user-requests" }) };
  }
  return holder.__atelierUserRequests?.limiter;
}

/** Counts one request; 0 when allowed, else the whole seconds until the budget refills. */
export async function takeUserRequest(limiter: RateLimiterMemory, userId: string): Promise<number> {
  try {
    await limiter.consume(userId, 1);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
