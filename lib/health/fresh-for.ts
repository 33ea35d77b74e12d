/**
 * Wraps `load` so that its answer is reused for `ttlMs` after it arrives, and concurrent
 * callers share the one load in flight. The health check is unauthenticated: without this,
 * anyone could turn every request to it into a round trip to the store and the archive.
 */
interface Entry<T> {
  answer: Promise<T>;
  settledAt: number | null;
}

export function freshFor<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let current: Entry<T> | undefined;
  return () => {
    if (current && (current.settledAt === null || now() - current.settledAt < ttlMs)) return current.answer;
    const entry: Entry<T> = { answer: load(), settledAt: null };
    current = entry;
    entry.answer.then(
      () => {
        entry.settledAt = now();
      },
      // A load that failed is not kept: the next call tries again.
      () => {
        if (current === entry) current = undefined;
      },
    );
    return entry.answer;
  };
}
