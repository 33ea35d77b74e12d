import { LRUCache } from "lru-cache";

/**
 * A value loaded once and remembered for a while, shared by every request in the process
 * (on globalThis, so every bundle of the one server sees the same memory). lru-cache's
 * `fetch` merges concurrent loads of one key into one, and forgets a failed load at once so
 * the next caller tries again. For upstream reads that change rarely (models, techniques)
 * or that many viewers ask for at once (list pages).
 */

/** Bound on remembered keys (list pages are keyed by query): the least recently used go first. */
const MAX_ENTRIES = 500;

interface Load {
  load: () => Promise<unknown>;
  freshMs: number;
}

/** lru-cache refuses undefined values; a box lets a load resolve to anything. */
type Box = { value: unknown };

const globalMemory = globalThis as typeof globalThis & { __atelierRemembered?: LRUCache<string, Box, Load> };

function memory(): LRUCache<string, Box, Load> {
  globalMemory.__atelierRemembered ??= new LRUCache<string, Box, Load>({
    max: MAX_ENTRIES,
    // Each key has its own freshness, set per load below; this is only the default.
    ttl: 60_000,
    // Date.now, as the code before it used, so a test can move the clock; read on every
    // check (no 1 ms reuse), which costs nothing next to a load.
    perf: { now: () => Date.now() },
    ttlResolution: 0,
    // Evicting a key while it loads must not fail the callers waiting on it.
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context, options }) => {
      const value = await context.load();
      options.ttl = context.freshMs;
      return { value };
    },
  });
  return globalMemory.__atelierRemembered;
}

export async function remembered<T>(key: string, freshMs: number, load: () => Promise<T>): Promise<T> {
  const box = await memory().fetch(key, { context: { load, freshMs } });
  // fetchMethod always returns a box; undefined would mean lru-cache changed its contract.
  if (!box) throw new Error(`remembered: no value for ${key}`);
  return box.value as T;
}

export function forgetRemembered(): void {
  memory().clear();
}
