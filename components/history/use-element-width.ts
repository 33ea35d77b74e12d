"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * An element's content width, measured for as long as it is mounted (a ResizeObserver), so
 * a layout that depends on it (the grid's columns) follows every change: the window, a
 * filter that empties the list and fills it again, the "new runs" pill. 0 until measured.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    // Measured before the first paint too, so a grid never flashes at one column.
    setWidth(Math.round(element.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
