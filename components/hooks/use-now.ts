"use client";

import { useSyncExternalStore } from "react";

/**
 * One shared clock for relative times. It ticks every few seconds while anything listens
 * and the tab is visible; readers derive a value from it (usually the text they show), so a
 * row re-renders only when its own text changes: "just now" ticks, "3 days ago" sits still.
 */
const TICK_MS = 5_000;

let current = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function read(): number {
  if (!current) current = Date.now();
  return current;
}

function tick() {
  if (typeof document !== "undefined" && document.hidden) return;
  current = Date.now();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * `derive(now)`, re-evaluated on every tick. The server render and hydration use
 * `renderedAt` (the server's clock) so the hydrated text matches; then the browser's clock
 * takes over. Without `renderedAt` the server snapshot is `fallback`.
 */
export function useClock<T extends string | number | boolean | null>(
  derive: (now: number) => T,
  renderedAt: number | undefined,
  fallback: T,
): T {
  return useSyncExternalStore(
    subscribe,
    () => derive(read()),
    () => (renderedAt == null ? fallback : derive(renderedAt)),
  );
}

/** The current time (unix ms), ticking every few seconds; `renderedAt` on the server. */
export function useNow(renderedAt: number): number {
  return useClock((now) => now, renderedAt, renderedAt);
}
