import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { SharedRedis } from "@/lib/redis/connection";
import { memoryLimiter, sharedLimiter } from "@/lib/redis/shared-limiter";

/**
 * Failed sign-ins allowed per key (an email, a client address) within a window, on
 * rate-limiter-flexible: each key's count expires with its window, so the memory it holds
 * is bounded by how fast attempts can arrive (and password checks are capped, see
 * lib/auth/password-checks.ts). In memory, a restart forgiving a few failures is harmless;
 * with REDIS_URL the counts live in Redis, so guessing across instances behind a load
 * balancer earns no extra tries (and Redis down falls back to each instance's memory).
 */
export interface SignInLimiter {
  /** Seconds until every key may try again; 0 when none of them is blocked. */
  blockedFor(keys: string[]): Promise<number>;
  recordFailure(keys: string[]): Promise<void>;
  /** Forget a key's failures (its owner just proved the password). */
  forgive(key: string): Promise<void>;
}

function signInLimiterOn(limiter: RateLimiterAbstract, maxFailures: number): SignInLimiter {
  return {
    async blockedFor(keys) {
      const waits = await Promise.all(
        keys.map(async (key) => {
          const state = await limiter.get(key);
          return state && state.consumedPoints >= maxFailures ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
        }),
      );
      return Math.max(0, ...waits);
    },
    async recordFailure(keys) {
      await Promise.all(keys.map((key) => limiter.penalty(key, 1)));
    },
    async forgive(key) {
      await limiter.delete(key);
    },
  };
}

const limit = (maxFailures: number, windowSeconds: number) => ({ name: "sign-in", points: maxFailures, durationSeconds: windowSeconds });

export function memorySignInLimiter(maxFailures: number, windowSeconds = 60): SignInLimiter {
  return signInLimiterOn(memoryLimiter(limit(maxFailures, windowSeconds)), maxFailures);
}

/** Counted in Redis (keys atelier:limit:sign-in:…), shared by every instance. */
export function redisSignInLimiter(redis: SharedRedis, maxFailures: number, windowSeconds = 60): SignInLimiter {
  return signInLimiterOn(sharedLimiter(redis, limit(maxFailures, windowSeconds)), maxFailures);
}
