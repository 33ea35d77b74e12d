"use client";

import { useCallback, useRef, useState } from "react";
import type { HistoryRun } from "@/lib/history/history-run";

/**
 * The history's multi-selection ("picked" runs), apart from the keyboard's one selection:
 * `x` toggles the selected row, Ctrl/Cmd-click toggles a row, Shift-click picks the rows from
 * the last one toggled to this one. Kept by run id with the run itself, so a pick survives the
 * list growing or a run scrolling out of the DOM. A launch FLORA has not confirmed has no run
 * to add or compare, so it cannot be picked.
 */
export function usePickedRuns() {
  const [picked, setPicked] = useState<ReadonlyMap<string, HistoryRun>>(new Map());
  const anchor = useRef<number | null>(null);

  const toggle = useCallback((runs: HistoryRun[], index: number) => {
    const run = runs[index];
    if (!run || run.launchState) return;
    anchor.current = index;
    setPicked((current) => {
      const next = new Map(current);
      if (next.has(run.runId)) next.delete(run.runId);
      else next.set(run.runId, run);
      return next;
    });
  }, []);

  const pickRange = useCallback((runs: HistoryRun[], index: number) => {
    const from = anchor.current ?? index;
    anchor.current = index;
    setPicked((current) => {
      const next = new Map(current);
      for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
        const run = runs[i];
        if (run && !run.launchState) next.set(run.runId, run);
      }
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    anchor.current = null;
    setPicked(new Map());
  }, []);

  return { picked, toggle, pickRange, clear };
}

/** "1 run picked", "3 runs picked": the toolbar's count, and what the history announces. */
export const pickedCountText = (count: number) => (count === 1 ? "1 run picked" : `${count} runs picked`);
