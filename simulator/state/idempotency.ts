const WINDOW_MS = 2 * 60 * 60 * 1000;

/**
 * Keys seen per API key within FLORA's two-hour window. A reused key is an error
 * (idempotency_duplicate), not a replay of the first answer: that is what the
 * OpenAPI, the seeds and the SDK describe.
 */
export class IdempotencyRegistry {
  private readonly seen = new Map<string, number>();

  isDuplicate(apiKey: string, key: string, now: number): boolean {
    const at = this.seen.get(`${apiKey}\u0000${key}`);
    return at !== undefined && now - at < WINDOW_MS;
  }

  remember(apiKey: string, key: string, now: number): void {
    if (this.seen.size > 10_000) this.prune(now);
    this.seen.set(`${apiKey}\u0000${key}`, now);
  }

  get size(): number {
    return this.seen.size;
  }

  clear(): void {
    this.seen.clear();
  }

  private prune(now: number): void {
    for (const [key, at] of this.seen) if (now - at >= WINDOW_MS) this.seen.delete(key);
  }
}
