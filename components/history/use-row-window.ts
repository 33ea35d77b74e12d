"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import { flushSync } from "react-dom";

/**
 * Which rows of a fixed-height list are on screen (plus `overscan` above and below), for a
 * scrolling element. Every history row has the same height, so the window is arithmetic:
 * no measuring, and about a tenth of a general virtualiser's code on the page's first load.
 */

export interface RowWindowItem {
  index: number;
  start: number;
}

interface Range {
  first: number;
  last: number;
}

/** Before the element is measured (the server render, the first paint): a typical screen. */
const ASSUMED_VIEWPORT_PX = 800;

export function rowRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): Range {
  if (count === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) - 1 + overscan);
  return { first, last: Math.max(first - 1, last) };
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}

export function useRowWindow({
  scrollRef,
  count,
  rowHeight,
  overscan,
}: {
  scrollRef: RefObject<HTMLElement | null>;
  count: number;
  rowHeight: number;
  overscan: number;
}) {
  const [viewport, setViewport] = useState({ scrollTop: 0, height: ASSUMED_VIEWPORT_PX });

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let current = { scrollTop: element.scrollTop, height: element.clientHeight || ASSUMED_VIEWPORT_PX };
    setViewport(current);
    const update = (sync: boolean) => {
      const next = { scrollTop: element.scrollTop, height: element.clientHeight || ASSUMED_VIEWPORT_PX };
      const before = rowRange(current.scrollTop, current.height, rowHeight, count, overscan);
      const after = rowRange(next.scrollTop, next.height, rowHeight, count, overscan);
      current = next;
      // Re-render only when the rows to show change; during a scroll, before the frame paints.
      if (before.first === after.first && before.last === after.last) return;
      if (sync) flushSync(() => setViewport(next));
      else setViewport(next);
    };
    const onScroll = () => update(true);
    const resizeObserver = new ResizeObserver(() => update(false));
    element.addEventListener("scroll", onScroll, { passive: true });
    resizeObserver.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      resizeObserver.disconnect();
    };
  }, [scrollRef, count, rowHeight, overscan]);

  const range = rowRange(viewport.scrollTop, viewport.height, rowHeight, count, overscan);
  const items: RowWindowItem[] = [];
  for (let index = range.first; index <= range.last; index += 1) items.push({ index, start: index * rowHeight });

  const scrollToRow = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = scrollTopToReveal(index, rowHeight, element.scrollTop, element.clientHeight);
      if (top !== element.scrollTop) element.scrollTop = top;
    },
    [scrollRef, rowHeight],
  );

  return { items, totalHeight: count * rowHeight, scrollToRow };
}
