"use client";

import { useSyncExternalStore } from "react";

export type ViewMode = "list" | "grid";
const STORAGE_KEY = "atelier.history.view";
const listeners = new Set<() => void>();

function read(): ViewMode {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "grid" ? "grid" : "list";
  } catch {
    return "list";
  }
}

/** The list/grid choice, remembered in this browser. */
export function useViewMode(): [ViewMode, (mode: ViewMode) => void] {
  const mode = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => "list" as ViewMode,
  );
  return [mode, setMode];
}

function setMode(next: ViewMode) {
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  listeners.forEach((listener) => listener());
}
