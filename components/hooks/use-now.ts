"use client";

import { useSyncExternalStore } from "react";

/**
 * A clock for relative times that ticks every 30 s. It starts at the server's render time,
 * so the hydrated text matches what the server sent.
 */
let current = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      current = Date.now();
      listeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(renderedAt: number): number {
  return useSyncExternalStore(
    subscribe,
    () => current || renderedAt,
    () => renderedAt,
  );
}
