/**
 * Coalesces polls of one run: concurrent requests share one upstream call, a run still in
 * progress is served from memory for a moment, and a finished run (which cannot change)
 * for much longer. Fifty teammates watching a run cost FLORA one poll per interval.
 */
export interface PollCacheOptions<T> {
  /** How long an unfinished run is served from memory. */
  freshMs: number;
  /** How long a finished run is served from memory. */
  terminalMs: number;
  /** Bound on remembered runs; the least recently stored go first. */
  maxEntries: number;
  isTerminal: (value: T) => boolean;
  /**
   * How long a failed load is answered from memory (0: not at all). A run FLORA says does
   * not exist is remembered briefly, so a script polling made-up ids costs FLORA one call
   * per id every few seconds, not one per request.
   */
  failureTtlMs?: (error: unknown) => number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export class PollCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly failures = new Map<string, { error: unknown; expiresAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: PollCacheOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** The remembered value while it is fresh, without loading anything. */
  peek(key: string): T | undefined {
    const cached = this.entries.get(key);
    return cached && cached.expiresAt > this.now() ? cached.value : undefined;
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.value;
    const failed = this.failures.get(key);
    if (failed && failed.expiresAt > this.now()) throw failed.error;
    if (failed) this.failures.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;

    const loading = load()
      .then(
        (value) => {
          this.store(key, value);
          return value;
        },
        (error: unknown) => {
          this.storeFailure(key, error);
          throw error;
        },
      )
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private storeFailure(key: string, error: unknown) {
    const ttl = this.options.failureTtlMs?.(error) ?? 0;
    if (ttl <= 0) return;
    this.failures.delete(key);
    this.failures.set(key, { error, expiresAt: this.now() + ttl });
    while (this.failures.size > this.options.maxEntries) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  private store(key: string, value: T) {
    this.failures.delete(key);
    const ttl = this.options.isTerminal(value) ? this.options.terminalMs : this.options.freshMs;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttl });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
