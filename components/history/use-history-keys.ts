"use client";

import { useEffect, useRef } from "react";

interface Keys {
  count: number;
  onMove: (delta: number) => void;
  onOpen: () => void;
  onFocusFilters: () => void;
  /** `x`: toggle the selected run in the picked set (the multi-selection). */
  onPick?: () => void;
}

/** j/k move the selection, Enter opens the selected run, x picks it, / focuses the filters. */
export function useHistoryKeys(keys: Keys) {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      // Typing in a field, or using a select, keeps its keys.
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.key === "j") latest.current.onMove(1);
      else if (event.key === "k") latest.current.onMove(-1);
      else if (event.key === "Enter" && target?.tagName !== "A" && target?.tagName !== "BUTTON") latest.current.onOpen();
      else if (event.key === "/") latest.current.onFocusFilters();
      else if (event.key === "x" && latest.current.onPick) latest.current.onPick();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
