import { LRUCache } from "lru-cache";

const WINDOW_MS = 60_000;
/** API keys tracked at once; the simulator serves a handful. */
const MAX_KEYS = 10_000;

/**
 * Sliding 60-second window per API key; a limit of 0 turns it off. lru-cache bounds the
 * keys and forgets one a window after its last request, when none of its hits count.
 */
export class RateLimiter {
  private readonly hits: LRUCache<string, number[]>;

  /** `now`: the simulator's clock (unix ms; tests freeze it), never 0. */
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.hits = new LRUCache<string, number[]>({ max: MAX_KEYS, ttl: WINDOW_MS, perf: { now }, ttlResolution: 0 });
  }

  /** Records the hit and returns 0, or returns the seconds to wait (hit not recorded). */
  take(apiKey: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const recent = (this.hits.get(apiKey) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.hits.set(apiKey, recent);
    return 0;
  }

  clear(): void {
    this.hits.clear();
  }
}
