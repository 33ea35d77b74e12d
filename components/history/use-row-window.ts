"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { flushSync } from "react-dom";

/**
 * Which rows of a long list are on screen (plus `overscan` above and below), when the page
 * itself scrolls. Rows have no fixed height (a phone stacks a row's parts, a long prompt
 * wraps), so each rendered row is measured and its height remembered by key; a row not yet
 * measured counts as the average of those that were. When measuring changes the height of
 * rows above the screen, the page scrolls by the difference, so what is on screen stays put.
 * Hand-written and small on purpose: a general virtualiser would cost the page's first load.
 */

export interface RowRange {
  first: number;
  last: number;
}

/** Before anything is measured (the server render, the first paint): a typical screen. */
const ASSUMED_VIEWPORT_PX = 800;

/** Row tops: `offsets[i]` is row i's top within the list, `offsets[count]` the list's height. */
export function buildOffsets(count: number, heightOf: (index: number) => number | undefined, estimate: number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let index = 0; index < count; index += 1) offsets[index + 1] = offsets[index]! + (heightOf(index) ?? estimate);
  return offsets;
}

/** The row at `y` (list coordinates): the last row whose top is at or above it, clamped. */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Rows that meet the band [top, top + height) in list coordinates, plus the overscan. */
export function rowRange(offsets: Float64Array, top: number, height: number, overscan: number): RowRange {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const bottom = top + height;
  if (bottom <= 0) return { first: 0, last: Math.min(count - 1, overscan) };
  const first = Math.max(0, rowAt(offsets, Math.max(0, top)) - overscan);
  let last = rowAt(offsets, bottom);
  if (offsets[last]! >= bottom && last > 0) last -= 1;
  return { first, last: Math.min(count - 1, last + overscan) };
}

/** The scroll position that brings [top, bottom) fully into view, moving as little as possible. */
export function scrollTopToReveal(top: number, bottom: number, scrollTop: number, viewportHeight: number): number {
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.min(top, bottom - viewportHeight);
  return scrollTop;
}

/** Measured heights by row key, with their sum for the average. */
interface HeightCache {
  heights: Map<string, number>;
  sum: number;
}

/**
 * One cache per layout (view and width): module state, so coming Back to the list finds
 * its rows' heights and lands exactly where it was. A few layouts at most are kept.
 */
const caches = new Map<string, HeightCache>();
function heightCacheFor(layoutKey: string): HeightCache {
  let cache = caches.get(layoutKey);
  if (!cache) {
    if (caches.size >= 4) caches.delete(caches.keys().next().value!);
    cache = { heights: new Map(), sum: 0 };
    caches.set(layoutKey, cache);
  }
  return cache;
}

const estimateOf = (cache: HeightCache, guess: number) => (cache.heights.size > 0 ? cache.sum / cache.heights.size : guess);

/** Where the list sits: the viewport's top in list coordinates, and the viewport's height. */
function readViewport(rows: HTMLElement | null) {
  if (!rows) return { top: 0, height: ASSUMED_VIEWPORT_PX };
  return { top: -rows.getBoundingClientRect().top, height: window.innerHeight || ASSUMED_VIEWPORT_PX };
}

/** A place in the list that survives re-measuring: a row, and how far the screen's top is into it. */
export interface RowAnchor {
  index: number;
  offset: number;
}

export function useRowWindow({
  rowsRef,
  count,
  keyOf,
  guess,
  overscan,
  layoutKey,
}: {
  /** The element whose children are the rendered rows, each with `data-index`; its top is row 0's. */
  rowsRef: RefObject<HTMLElement | null>;
  count: number;
  /** A row's identity for its remembered height (a run id), stable across pages and Back. */
  keyOf: (index: number) => string;
  /** A row's height before any is measured. */
  guess: number;
  overscan: number;
  /** Heights are kept per layout: the view and the list's width. */
  layoutKey: string;
}) {
  const cache = heightCacheFor(layoutKey);
  // Bumped to re-render once heights were measured; the offsets follow the cache itself.
  const [, setVersion] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: ASSUMED_VIEWPORT_PX });
  const { size: measured } = cache.heights;
  const { sum } = cache;
  // The cache is mutable: its size and sum say when it changed (a new or different height).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const offsets = useMemo(() => buildOffsets(count, (index) => cache.heights.get(keyOf(index)), estimateOf(cache, guess)), [count, keyOf, cache, guess, measured, sum]);
  const range = rowRange(offsets, viewport.top, viewport.height, overscan);

  const latest = useRef({ offsets, range, cache, keyOf, guess, count, overscan });
  useLayoutEffect(() => {
    latest.current = { offsets, range, cache, keyOf, guess, count, overscan };
  });

  const lateRender = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(lateRender.current), []);

  /**
   * Reads the rendered rows' heights; keeps the row at the screen's top where it is. When
   * only rows below it changed (scrolling down), what is on screen is already right (rows are
   * in normal flow) and only the space below the last row is stale: that re-render waits for
   * the scroll to pause instead of costing every frame a second render.
   */
  const measure = useCallback(
    (sync: boolean) => {
      const rows = rowsRef.current;
      if (!rows) return;
      const { offsets: before, cache: heights, keyOf: key, guess: fallback, count: total } = latest.current;
      const { top } = readViewport(rowsRef.current);
      let changed = false;
      for (const element of rows.children) {
        const index = Number((element as HTMLElement).dataset.index);
        if (!Number.isInteger(index) || index >= total) continue;
        const height = (element as HTMLElement).getBoundingClientRect().height;
        const rowKey = key(index);
        const known = heights.heights.get(rowKey);
        if (known === height) continue;
        heights.sum += height - (known ?? 0);
        heights.heights.set(rowKey, height);
        changed = true;
      }
      if (!changed) return;
      let delta = 0;
      if (top > 0) {
        const anchor = rowAt(before, top);
        const after = buildOffsets(anchor + 1, (index) => heights.heights.get(key(index)), estimateOf(heights, fallback));
        delta = after[anchor]! - before[anchor]!;
      }
      clearTimeout(lateRender.current);
      if (delta === 0) {
        lateRender.current = setTimeout(() => setVersion((v) => v + 1), 150);
        return;
      }
      window.scrollBy(0, delta);
      if (sync) flushSync(() => setVersion((v) => v + 1));
      else setVersion((v) => v + 1);
    },
    [rowsRef],
  );

  // Every render may have mounted rows: measure them before the frame paints.
  const observed = useRef(new Set<Element>());
  const resizeObserver = useRef<ResizeObserver | null>(null);
  useLayoutEffect(() => {
    // The DOM is the source of the heights: reading it after each render is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    measure(false);
    const rows = rowsRef.current;
    const observer = resizeObserver.current;
    if (!rows || !observer) return;
    const present = new Set<Element>(rows.children);
    for (const element of observed.current) if (!present.has(element)) observer.unobserve(element);
    for (const element of present) if (!observed.current.has(element)) observer.observe(element);
    observed.current = present;
  });

  useEffect(() => {
    // A row that changes size later (a run finishes, the width changes) is measured again.
    const observer = new ResizeObserver(() => measure(true));
    resizeObserver.current = observer;
    const seen = observed.current;
    return () => {
      observer.disconnect();
      resizeObserver.current = null;
      seen.clear();
    };
  }, [measure]);

  useEffect(() => {
    let current = readViewport(rowsRef.current);
    setViewport(current);
    const update = (sync: boolean) => {
      const next = readViewport(rowsRef.current);
      const { offsets: rows, range: shown, overscan: extra } = latest.current;
      const after = rowRange(rows, next.top, next.height, extra);
      current = next;
      // Re-render only when the rows to show change; during a scroll, before the frame paints.
      if (shown.first === after.first && shown.last === after.last) return;
      if (sync) flushSync(() => setViewport(current));
      else setViewport(current);
    };
    const onScroll = () => update(true);
    const onResize = () => update(false);
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onResize);
    };
  }, [rowsRef, count]);

  /** The page's scroll position for list coordinate `y`, and the inset a sticky header takes. */
  const pageTopOf = useCallback(
    (y: number) => {
      const rows = rowsRef.current;
      return rows ? rows.getBoundingClientRect().top + window.scrollY + y : y;
    },
    [rowsRef],
  );

  const scrollToRow = useCallback(
    (index: number) => {
      const { offsets: rows } = latest.current;
      if (index < 0 || index >= rows.length - 1) return;
      const inset = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      const top = pageTopOf(rows[index]!);
      const bottom = pageTopOf(rows[index + 1]!);
      const target = scrollTopToReveal(top, bottom, window.scrollY + inset, window.innerHeight - inset) - inset;
      if (Math.abs(target - window.scrollY) >= 1) window.scrollTo(0, target);
    },
    [pageTopOf],
  );

  /** Where the screen's top is now, as a row and an offset into it. */
  const anchor = useCallback((): RowAnchor => {
    const { offsets: rows } = latest.current;
    const { top } = readViewport(rowsRef.current);
    const index = top > 0 ? rowAt(rows, top) : 0;
    return { index, offset: top - (rows[index] ?? 0) };
  }, [rowsRef]);

  /** Scrolls the page so the screen's top is at `place` again. */
  const restore = useCallback(
    (place: RowAnchor) => {
      const { offsets: rows } = latest.current;
      const index = Math.min(Math.max(0, place.index), Math.max(0, rows.length - 2));
      window.scrollTo(0, Math.max(0, pageTopOf((rows[index] ?? 0) + place.offset)));
      // Render the rows there now (in a layout effect: before the paint), not after the scroll event.
      setViewport(readViewport(rowsRef.current));
    },
    [pageTopOf, rowsRef],
  );

  const paddingTop = offsets[Math.min(range.first, count)] ?? 0;
  const paddingBottom = Math.max(0, (offsets[count] ?? 0) - (offsets[range.last + 1] ?? offsets[count] ?? 0));
  return { range, paddingTop, paddingBottom, totalHeight: offsets[count] ?? 0, scrollToRow, anchor, restore };
}
