import { compareKeys, encodeCursor, type SortKey } from "./cursor";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** First index whose key is >= target in an ascending array. */
export function lowerBound<T>(sorted: readonly T[], keyOf: (item: T) => SortKey, target: SortKey): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = sorted[mid] as T;
    if (compareKeys(keyOf(item), target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of a newest-first list kept in ascending order: walks down from just below
 * the cursor, keeping matches. total counts every match, for meta.total_estimate.
 */
export function pageDescending<T>(
  list: string,
  sortedAsc: readonly T[],
  keyOf: (item: T) => SortKey,
  matches: (item: T) => boolean,
  after: SortKey | undefined,
  limit: number,
): Page<T> {
  const startAt = after ? lowerBound(sortedAsc, keyOf, after) : sortedAsc.length;
  const items: T[] = [];
  let total = 0;
  let more = false;
  for (let i = sortedAsc.length - 1; i >= 0; i--) {
    const item = sortedAsc[i] as T;
    if (!matches(item)) continue;
    total++;
    if (i >= startAt) continue;
    if (items.length < limit) items.push(item);
    else more = true;
  }
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(list, keyOf(last)) : null, total };
}
