"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { gridColumns, GRID_GAP_PX } from "@/components/history/grid-columns";
import { HistoryFiltersBar } from "@/components/history/history-filters";
import { HistoryItem } from "@/components/history/history-row";
import { HistoryEmpty, HistoryError, HistorySkeleton, RateLimitNotice, SignedOutNotice } from "@/components/history/history-states";
import { useElementWidth } from "@/components/history/use-element-width";
import { useHistoryKeys } from "@/components/history/use-history-keys";
import { useKeepPlace } from "@/components/history/use-keep-place";
import { useLiveRuns, withLiveState } from "@/components/history/use-live-runs";
import { useNewRunCount } from "@/components/history/use-new-runs";
import { pickedCountText, usePickedRuns } from "@/components/history/use-picked-runs";
import { useRowWindow } from "@/components/history/use-row-window";
import { useViewMode } from "@/components/history/use-view-mode";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { signInPathFor } from "@/lib/auth/callback-url";
import type { HistoryDirectory } from "@/lib/history/directory";
import { historySearch, isLaunchSearch, parseHistoryFilters, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";
import { runHref } from "@/lib/history/history-run";
import { fetchJson } from "@/lib/queries/fetch-json";
import { historyKeys, historyListOptions } from "@/lib/queries/history";

/** Row heights before any is measured: a stacked phone row, a desktop row, a grid row. */
const GUESS = { phone: 104, list: 80, grid: 316 } as const;
/** Below Tailwind's md a list row stacks (see HistoryItem). */
const MD_PX = 768;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 10;

// Loaded with the first pick, not with the page (npm run bench:first-load): it floats over
// the rows, so appearing a moment later moves nothing.
const PickedToolbar = lazy(() => import("@/components/history/picked-toolbar"));

export function HistoryView({ kind, renderedAt }: { kind: HistoryKind; renderedAt: number }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const filters = useMemo(() => parseHistoryFilters(searchParams, kind), [searchParams, kind]);
  const hydrated = useHydrated();
  const [view, setView] = useViewMode();
  const [selected, setSelected] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  /** Set by a key pressed inside the list: the focus follows the selection once its row renders. */
  const focusFollows = useRef(false);
  const firstFilterRef = useRef<HTMLSelectElement>(null);
  const picks = usePickedRuns();

  const directory = useQuery({
    queryKey: historyKeys.directory(),
    queryFn: () => fetchJson<HistoryDirectory>("/api/history/directory"),
    staleTime: 5 * 60_000,
  }).data;
  const list = useInfiniteQuery(historyListOptions(kind, filters));
  const runs = useMemo(() => list.data?.pages.flatMap((page) => page.runs) ?? [], [list.data]);
  const live = useLiveRuns(runs);
  // A search is not a feed: no "new runs" check re-running it every few seconds.
  const newRuns = useNewRunCount(kind, filters, runs[0], list.isSuccess && !isLaunchSearch(filters));

  // Measured all the time, on an element that stays mounted: the grid keeps its columns
  // through a filter change, an empty result or the "new runs" pill.
  const width = useElementWidth(rootRef);
  const columns = view === "grid" ? gridColumns(width) : 1;
  const rowCount = Math.ceil(runs.length / columns);
  const keyOf = useCallback((row: number) => (columns === 1 ? runs[row]?.runId : `${columns}:${runs[row * columns]?.runId}`) ?? String(row), [runs, columns]);
  const rowWindow = useRowWindow({
    rowsRef,
    count: rowCount,
    keyOf,
    guess: view === "grid" ? GUESS.grid : width > 0 && width < MD_PX ? GUESS.phone : GUESS.list,
    overscan: view === "grid" ? 2 : 4,
    layoutKey: `${view}:${width}`,
  });
  const { first: firstRow, last: lastRow } = rowWindow.range;
  const selectedRow = Math.floor(selected / columns);
  const selectedRendered = lastRow >= firstRow && selectedRow >= firstRow && selectedRow <= lastRow;

  const place = useKeepPlace({
    kind,
    filters,
    runs,
    list: { pages: list.data?.pages.length ?? 0, hasNextPage: list.hasNextPage, isFetchingNextPage: list.isFetchingNextPage, fetchNextPage: list.fetchNextPage },
    columns,
    selected,
    setSelected,
    listRef,
    anchor: rowWindow.anchor,
    restore: rowWindow.restore,
  });

  const { startFresh } = place;
  const changeFilters = useCallback(
    (next: HistoryFilters) => {
      // The URL is the state: a copied link reopens this view, and each change is a history
      // entry, so Back undoes a filter rather than leaving the app. No server round trip.
      const url = `${pathname}${historySearch(next)}`;
      if (url === `${pathname}${historySearch(filters)}`) return;
      startFresh();
      window.history.pushState(null, "", url);
      setSelected(0);
      scrollToTopOf(rootRef.current);
    },
    [pathname, filters, startFresh],
  );

  useEffect(() => {
    if (lastRow >= rowCount - PREFETCH_ROWS && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
    }
  }, [lastRow, rowCount, list]);

  useEffect(() => {
    if (!focusFollows.current || !selectedRendered) return;
    focusFollows.current = false;
    listRef.current?.querySelector<HTMLElement>(`[data-position="${selected}"] [data-run-link]`)?.focus({ preventScroll: true });
  }, [selected, selectedRendered, firstRow, lastRow]);

  const move = (delta: number | "first" | "last") => {
    focusFollows.current = listRef.current?.contains(document.activeElement) ?? false;
    const last = Math.max(0, runs.length - 1);
    const next = delta === "first" ? 0 : delta === "last" ? last : Math.min(Math.max(0, selected + delta), last);
    setSelected(next);
    rowWindow.scrollToRow(Math.floor(next / columns));
  };

  useHistoryKeys({
    count: runs.length,
    onMove: move,
    onOpen: () => {
      const run = runs[selected];
      // A launch FLORA has not confirmed yet has no run page to open.
      if (!run || run.launchState) return;
      place.saveNow(selected);
      router.push(runHref(run));
    },
    onFocusFilters: () => firstFilterRef.current?.focus(),
    onPick: () => picks.toggle(runs, selected),
  });

  // Inside the list the arrow keys move the selection too (by a grid row up and down).
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const step = { ArrowDown: columns, ArrowUp: -columns, ArrowRight: columns > 1 ? 1 : 0, ArrowLeft: columns > 1 ? -1 : 0 }[event.key];
    if (step) move(step);
    else if (event.key === "Home") move("first");
    else if (event.key === "End") move("last");
    else return;
    event.preventDefault();
  };

  // One handler for every row: a click or a focus selects the run it landed in.
  const positionOf = (target: EventTarget) => {
    const row = (target as HTMLElement).closest<HTMLElement>("[data-position]");
    return row ? Number(row.dataset.position) : null;
  };
  const selectRowOf = (target: EventTarget) => {
    const position = positionOf(target);
    if (position !== null) setSelected(position);
  };

  const workspaceNames = useMemo(() => new Map(directory?.workspaces.map((w) => [w.id, w.name])), [directory]);
  const projectNames = useMemo(() => new Map(directory?.projects.map((p) => [p.id, p.name])), [directory]);
  const filterNames = describeFilters(filters, directory);
  const picking = picks.picked.size > 0;

  return (
    // Room below the list for the floating "Picked runs" bar while it shows.
    <div ref={rootRef} className={`space-y-4 ${picking ? "pb-20" : ""}`}>
      <HistoryFiltersBar
        kind={kind}
        filters={filters}
        directory={directory}
        onChange={changeFilters}
        view={view}
        onViewChange={setView}
        firstFilterRef={firstFilterRef}
      />
      {live.signedOut && <SignedOutNotice signInHref={signInPathFor(`${pathname}${historySearch(filters)}`)} />}
      <RateLimitNotice error={list.failureReason} since={list.errorUpdatedAt || renderedAt} />
      {/* Here before the first pick, so a screen reader hears the count from the first one on. */}
      <p aria-live="polite" className="sr-only">
        {picking ? pickedCountText(picks.picked.size) : ""}
      </p>
      {picking && (
        <Suspense fallback={null}>
          <PickedToolbar runs={[...picks.picked.values()]} onClear={picks.clear} />
        </Suspense>
      )}
      {/* Always here and of no height: the pill floats over the rows when it appears, rather
          than pushing them down under the reader (or under a place that Back restored). */}
      <div className="sticky top-2 z-10 mb-0 flex h-0 items-start justify-center" data-part="new-runs">
        {newRuns > 0 && (
          <button
            type="button"
            onClick={() => {
              void queryClient.resetQueries({ queryKey: historyKeys.list(kind, filters) });
              setSelected(0);
              scrollToTopOf(rootRef.current);
            }}
            className="rounded-full bg-accent px-4 py-1.5 text-sm font-medium text-white shadow"
          >
            {newRuns === 1 ? "1 new run" : `${newRuns} new runs`}
          </button>
        )}
      </div>
      {list.isPending ? (
        <HistorySkeleton />
      ) : list.isError && runs.length === 0 ? (
        <HistoryError error={list.error} onRetry={() => void list.refetch()} />
      ) : runs.length === 0 ? (
        <HistoryEmpty filterNames={filterNames} onClear={() => changeFilters({})} />
      ) : (
        // A list of links, not a listbox: an option may not hold a link. One tab stop: the
        // selected run's link, or the list itself while that run is scrolled out of the DOM.
        // The page scrolls, not the list: the rows are windowed against the page's scroll.
        <div
          ref={listRef}
          role="list"
          aria-label={listName(kind, filters)}
          tabIndex={selectedRendered ? -1 : 0}
          className="rounded-lg border border-black/10 bg-canvas [overflow-anchor:none]"
          data-hydrated={hydrated}
          data-loaded={runs.length}
          data-columns={columns}
          onClickCapture={(event) => {
            const position = positionOf(event.target);
            if (position === null) return;
            // Shift-click and Ctrl/Cmd-click pick rows instead of opening them; a plain click opens.
            if (event.shiftKey || event.ctrlKey || event.metaKey) {
              event.preventDefault();
              if (event.shiftKey) picks.pickRange(runs, position);
              else picks.toggle(runs, position);
              return;
            }
            place.saveNow(position);
          }}
          onClick={(event) => selectRowOf(event.target)}
          // Focus that lands on a row (a click, a screen reader's cursor) makes it the selection.
          onFocus={(event) => selectRowOf(event.target)}
          onKeyDown={onListKeyDown}
        >
          <div ref={rowsRef} style={{ paddingTop: rowWindow.paddingTop, paddingBottom: rowWindow.paddingBottom }}>
            {Array.from({ length: Math.max(0, lastRow - firstRow + 1) }, (_, offset) => {
              const row = firstRow + offset;
              return (
                <div
                  key={keyOf(row)}
                  data-index={row}
                  className={columns > 1 ? "grid p-2" : undefined}
                  style={columns > 1 ? { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GRID_GAP_PX } : undefined}
                >
                  {runs.slice(row * columns, row * columns + columns).map((run, column) => {
                    const index = row * columns + column;
                    return (
                      <HistoryItem
                        key={run.runId}
                        position={index}
                        run={withLiveState(run, live.latest.get(run.runId))}
                        workspaceName={workspaceNames.get(run.workspaceId) ?? run.workspaceId}
                        projectName={projectNames.get(run.projectId) ?? run.projectId}
                        renderedAt={renderedAt}
                        selected={index === selected}
                        layout={view}
                        setSize={list.hasNextPage ? -1 : runs.length}
                        picked={picks.picked.has(run.runId)}
                      />
                    );
                  })}
                </div>
              );
            })}
          </div>
          {list.isFetchingNextPage && <p className="p-3 text-center text-sm text-muted">Loading more…</p>}
          {!list.hasNextPage && <p className="p-3 text-center text-sm text-muted">That is all of them.</p>}
        </div>
      )}
    </div>
  );
}

/** Brings the filters back into view when they were scrolled past. */
function scrollToTopOf(element: HTMLElement | null) {
  const top = element?.getBoundingClientRect().top ?? 0;
  if (top < 0) window.scrollBy(0, top);
}

function describeFilters(filters: HistoryFilters, directory: HistoryDirectory | undefined): string[] {
  const names: string[] = [];
  if (filters.workspace) names.push(`workspace ${directory?.workspaces.find((w) => w.id === filters.workspace)?.name ?? filters.workspace}`);
  if (filters.project) names.push(`project ${directory?.projects.find((p) => p.id === filters.project)?.name ?? filters.project}`);
  if (filters.status) names.push(`status ${filters.status}`);
  if (filters.technique) names.push(`technique ${directory?.techniques.find((t) => t.id === filters.technique)?.name ?? filters.technique}`);
  if (filters.by) names.push(`launched by ${filters.by === "me" ? "me" : (directory?.teammates.find((t) => t.id === filters.by)?.name ?? "a teammate")}`);
  if (filters.q) names.push(`search “${filters.q}”`);
  return names;
}

function listName(kind: HistoryKind, filters: HistoryFilters): string {
  const runs = kind === "generation" ? "Generations" : "Technique runs";
  return filters.q ? `${runs} matching the search, best match first` : `${runs}, newest first`;
}
