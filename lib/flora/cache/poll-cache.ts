import { LRUCache } from "lru-cache";

/**
 * Coalesces polls of one run: concurrent requests share one upstream call, a run still in
 * progress is served from memory for a moment, and a finished run (which cannot change)
 * for much longer. Fifty teammates watching a run cost FLORA one poll per interval.
 * lru-cache does the remembering, the bound and the merging of concurrent loads (`fetch`);
 * this class says how long each answer is good for.
 */
export interface PollCacheOptions<T> {
  /** How long an unfinished run is served from memory. */
  freshMs: number;
  /** How long a finished run is served from memory. */
  terminalMs: number;
  /** Bound on remembered runs (and, apart, on remembered failures); the least recently used go first. */
  maxEntries: number;
  isTerminal: (value: T) => boolean;
  /**
   * How long a failed load is answered from memory (0: not at all). A run FLORA says does
   * not exist is remembered briefly, so a script polling made-up ids costs FLORA one call
   * per id every few seconds, not one per request.
   */
  failureTtlMs?: (error: unknown) => number;
  /** Told of every value read upstream (not of answers from memory), e.g. to settle a finished run once. */
  onLoad?: (key: string, value: T) => void;
  /** The clock, unix ms (tests move it). lru-cache takes a start of 0 for "no expiry". */
  now?: () => number;
  /**
   * Where instances share their reads (Redis, when REDIS_URL is set), asked on every load:
   * then only the instance that reads upstream hears of it (onLoad), and this memory keeps an
   * unfinished value for `sharedFreshMs` at most, so the shared answer's age is what counts.
   */
  shared?: () => SharedLoader<T> | null;
  sharedFreshMs?: number;
}

/** A cross-instance coalescer: SharedPoll in ./shared-poll.ts. */
export interface SharedLoader<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Loads now, whatever is shared, and shares the answer in its place. */
  refresh(key: string, load: () => Promise<T>): Promise<T>;
}

type Load<T> = () => Promise<T>;

export class PollCache<T extends object> {
  private readonly values: LRUCache<string, T, Load<T>>;
  private readonly failures: LRUCache<string, { error: unknown }>;

  constructor(private readonly options: PollCacheOptions<T>) {
    const now = options.now ?? Date.now;
    // Read the clock on every check (no 1 ms reuse) so a moved test clock is seen at once.
    const clock = { perf: { now: () => now() }, ttlResolution: 0 };
    this.values = new LRUCache<string, T, Load<T>>({
      ...clock,
      max: options.maxEntries,
      ttl: options.freshMs,
      // An in-flight load evicted by newer keys still answers the callers waiting on it.
      ignoreFetchAbort: true,
      fetchMethod: (key, _stale, { context, options: set }) => this.load(key, context, set),
    });
    // Every failure is stored with its own ttl (failureTtlMs), so no default here.
    this.failures = new LRUCache<string, { error: unknown }>({ ...clock, max: options.maxEntries });
  }

  /** The remembered value while it is fresh, without loading anything. */
  peek(key: string): T | undefined {
    return this.values.peek(key);
  }

  async get(key: string, load: Load<T>): Promise<T> {
    const failed = this.failures.get(key);
    if (failed) throw failed.error;
    const value = await this.values.fetch(key, { context: load });
    // load() resolves to a value or throws; undefined would mean lru-cache changed its contract.
    if (value === undefined) throw new Error(`PollCache: no value for ${key}`);
    return value;
  }

  /**
   * Reads upstream now, whatever this memory or the shared one holds, and remembers the
   * answer in place of theirs (FLORA's webhook says the run changed: a remembered
   * "running" is stale). Listeners hear of it as of any load; a failure leaves both as they were.
   */
  async refresh(key: string, load: Load<T>): Promise<T> {
    const shared = this.options.shared?.() ?? null;
    const loadAndTell = this.loadAndTell(key, load);
    const value = shared ? await shared.refresh(key, loadAndTell) : await loadAndTell();
    this.failures.delete(key);
    // A load still in flight for the key finds it replaced and leaves this answer be.
    this.values.set(key, value, { ttl: this.ttlOf(value, shared !== null) });
    return value;
  }

  private loadAndTell(key: string, load: Load<T>): Load<T> {
    return async () => {
      const value = await load();
      this.options.onLoad?.(key, value);
      return value;
    };
  }

  private ttlOf(value: T, shared: boolean): number {
    const freshMs = shared ? Math.min(this.options.freshMs, this.options.sharedFreshMs ?? this.options.freshMs) : this.options.freshMs;
    return this.options.isTerminal(value) ? this.options.terminalMs : freshMs;
  }

  private async load(key: string, load: Load<T>, set: { ttl?: number }): Promise<T> {
    const shared = this.options.shared?.() ?? null;
    const loadAndTell = this.loadAndTell(key, load);
    let value: T;
    try {
      value = shared ? await shared.get(key, loadAndTell) : await loadAndTell();
    } catch (error) {
      const ttl = this.options.failureTtlMs?.(error) ?? 0;
      if (ttl > 0) this.failures.set(key, { error }, { ttl });
      throw error;
    }
    this.failures.delete(key);
    set.ttl = this.ttlOf(value, shared !== null);
    return value;
  }
}
