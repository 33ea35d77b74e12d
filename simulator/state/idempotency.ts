import { LRUCache } from "lru-cache";

const WINDOW_MS = 2 * 60 * 60 * 1000;
/** Far more keys than a test or a demo launches in two hours; beyond it the oldest go. */
const MAX_KEYS = 100_000;

/**
 * Keys seen per API key within FLORA's two-hour window. A reused key is an error
 * (idempotency_duplicate), not a replay of the first answer: that is what the
 * OpenAPI, the seeds and the SDK describe. lru-cache forgets a key once its window ends.
 */
export class IdempotencyRegistry {
  private readonly seen: LRUCache<string, true>;

  /** `now`: the simulator's clock (unix ms; tests freeze it), never 0. */
  constructor(now: () => number = Date.now) {
    this.seen = new LRUCache<string, true>({ max: MAX_KEYS, ttl: WINDOW_MS, perf: { now }, ttlResolution: 0 });
  }

  isDuplicate(apiKey: string, key: string): boolean {
    return this.seen.has(`${apiKey}\u0000${key}`);
  }

  remember(apiKey: string, key: string): void {
    this.seen.set(`${apiKey}\u0000${key}`, true);
  }

  get size(): number {
    return this.seen.size;
  }

  clear(): void {
    this.seen.clear();
  }
}
