import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Failed sign-ins allowed per key (an email, a client address) within a window, on
 * rate-limiter-flexible: each key's count expires with its window, so the memory it holds
 * is bounded by how fast attempts can arrive (and password checks are capped, see
 * lib/auth/password-checks.ts). An interface, so that several instances can share one
 * store later (Redis); in memory, a restart forgiving a few failures is harmless.
 */
export interface SignInLimiter {
  /** Seconds until every key may try again; 0 when none of them is blocked. */
  blockedFor(keys: string[]): Promise<number>;
  recordFailure(keys: string[]): Promise<void>;
  /** Forget a key's failures (its owner just proved the password). */
  forgive(key: string): Promise<void>;
}

export function memorySignInLimiter(maxFailures: number, windowSeconds = 60): SignInLimiter {
  const limiter = new RateLimiterMemory({ points: maxFailures, duration: windowSeconds, keyPrefix: "sign-in" });
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
