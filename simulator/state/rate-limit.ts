const WINDOW_MS = 60_000;

/** Sliding 60-second window per API key; a limit of 0 turns it off. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Records the hit and returns 0, or returns the seconds to wait (hit not recorded). */
  take(apiKey: string, now: number): number {
    if (this.perMinute <= 0) return 0;
    const recent = (this.hits.get(apiKey) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(apiKey, recent);
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
