/**
 * Failed sign-ins allowed per key (an email, a client address) within a sliding window.
 * In memory: one dashboard process serves the team, and a restart forgiving a few failed
 * attempts is harmless.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** True when any of the keys has used up its failures for now. */
  isBlocked(keys: string[]): boolean {
    return keys.some((key) => this.recent(key).length >= this.maxFailures);
  }

  recordFailure(keys: string[]) {
    const at = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key), at]);
  }

  /** Seconds until the oldest counted failure of any blocked key leaves the window. */
  retryAfterSeconds(keys: string[]): number {
    const waits = keys
      .map((key) => this.recent(key))
      .filter((times) => times.length >= this.maxFailures)
      .map((times) => Math.ceil((times[0]! + this.windowMs - this.now()) / 1000));
    return Math.max(1, ...waits);
  }
}
