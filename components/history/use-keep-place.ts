"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { placeKey, readPlace, sessionStore, writePlace, type HistoryPlace } from "@/components/history/history-place";
import type { RowAnchor } from "@/components/history/use-row-window";
import type { HistoryFilters, HistoryKind } from "@/lib/history/filters";
import type { HistoryRun } from "@/lib/history/history-run";

/** Saving on scroll waits for the scroll to pause this long. */
const SAVE_DELAY_MS = 150;
/** A list shown this soon after Back or Forward was reached by them. */
const TRAVERSE_WINDOW_MS = 3_000;

/**
 * Only Back, Forward and a reload return to a place: a link to the history (the navigation,
 * a filtered link) opens it at the top. Back and Forward in the app are popstate events; in
 * a fresh document, the navigation entry says how the document was reached.
 */
let traversedAt = Number.NEGATIVE_INFINITY;
let documentChecked = false;
if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    traversedAt = performance.now();
  });
}

function arrivedByTraversal(): boolean {
  if (performance.now() - traversedAt < TRAVERSE_WINDOW_MS) {
    traversedAt = Number.NEGATIVE_INFINITY;
    return true;
  }
  if (documentChecked) return false;
  documentChecked = true;
  const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return entry?.type === "back_forward" || entry?.type === "reload";
}

interface ListState {
  pages: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Keeps the teammate's place in a history list (see HistoryPlace): saved as they scroll,
 * select and open runs; restored when the list mounts (coming Back from a run, a reload) and
 * when Back or Forward changes the filters. Loaded pages come back from React Query's cache
 * when it still has them, or are fetched again (up to MAX_RESTORED_PAGES) before scrolling.
 * A filter the teammate picks starts at the top instead: call `startFresh` first.
 */
export function useKeepPlace({
  kind,
  filters,
  runs,
  list,
  columns,
  selected,
  setSelected,
  listRef,
  anchor,
  restore,
}: {
  kind: HistoryKind;
  filters: HistoryFilters;
  runs: HistoryRun[];
  list: ListState;
  columns: number;
  selected: number;
  setSelected: (index: number) => void;
  listRef: RefObject<HTMLElement | null>;
  anchor: () => RowAnchor;
  restore: (place: RowAnchor) => void;
}) {
  const key = placeKey(kind, filters);
  /** The place waiting to be restored once its pages are loaded; null when there is none. */
  const pending = useRef<HistoryPlace | null>(null);
  const fresh = useRef(false);

  const save = useCallback(
    (selectedIndex = selected) => {
      // Not while a place is being restored, nor once the list has left the page.
      if (pending.current || !listRef.current?.isConnected || runs.length === 0) return;
      const top = anchor();
      const runIndex = Math.min(top.index * columns, runs.length - 1);
      writePlace(sessionStore(), key, {
        anchorRunId: runs[runIndex]?.runId ?? null,
        anchorIndex: runIndex,
        anchorOffset: top.offset,
        selectedRunId: runs[selectedIndex]?.runId ?? null,
        pages: list.pages,
      });
    },
    [anchor, columns, key, list.pages, listRef, runs, selected],
  );
  const latestSave = useRef(save);
  useLayoutEffect(() => {
    latestSave.current = save;
  });

  // The list mounted, or the filters changed: restore their place when Back or Forward (or a
  // reload) brought the teammate here, not when they picked the filters or followed a link.
  useLayoutEffect(() => {
    const traversed = arrivedByTraversal();
    pending.current = !fresh.current && traversed ? readPlace(sessionStore(), key) : null;
    fresh.current = false;
  }, [key]);

  // Once the place's pages are loaded, scroll to it and select its run: before the paint.
  useLayoutEffect(() => {
    const place = pending.current;
    if (!place || runs.length === 0) return;
    if (list.pages < place.pages && list.hasNextPage) {
      if (!list.isFetchingNextPage) void list.fetchNextPage();
      return;
    }
    pending.current = null;
    const selectedIndex = place.selectedRunId ? runs.findIndex((run) => run.runId === place.selectedRunId) : -1;
    setSelected(Math.max(0, selectedIndex));
    const found = place.anchorRunId ? runs.findIndex((run) => run.runId === place.anchorRunId) : -1;
    const runIndex = found >= 0 ? found : Math.min(place.anchorIndex, runs.length - 1);
    restore({ index: Math.floor(runIndex / columns), offset: place.anchorOffset });
  }, [runs, list, columns, restore, setSelected]);

  // Saved as the teammate scrolls (once the scroll pauses), and when the page is left.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latestSave.current(), SAVE_DELAY_MS);
    };
    const onHide = () => latestSave.current();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("pagehide", onHide);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("pagehide", onHide);
    };
  }, []);

  // And whenever the selection moves.
  useEffect(() => {
    latestSave.current(selected);
  }, [selected]);

  /** Saves now, with `selectedIndex` selected: call it as a run is opened. */
  const saveNow = useCallback((selectedIndex?: number) => latestSave.current(selectedIndex), []);
  /** The next filters were picked by the teammate: they start at the top, not at a saved place. */
  const startFresh = useCallback(() => {
    fresh.current = true;
  }, []);
  return { saveNow, startFresh };
}
