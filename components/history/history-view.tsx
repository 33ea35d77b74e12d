"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { HistoryFiltersBar } from "@/components/history/history-filters";
import { HistoryItem } from "@/components/history/history-row";
import { HistoryEmpty, HistoryError, HistorySkeleton, RateLimitNotice, SignedOutNotice } from "@/components/history/history-states";
import { useHistoryKeys } from "@/components/history/use-history-keys";
import { useLiveRuns, withLiveState } from "@/components/history/use-live-runs";
import { useNewRunCount } from "@/components/history/use-new-runs";
import { useRowWindow } from "@/components/history/use-row-window";
import { useViewMode } from "@/components/history/use-view-mode";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useNow } from "@/components/hooks/use-now";
import { signInPathFor } from "@/lib/auth/callback-url";
import type { HistoryDirectory } from "@/lib/history/directory";
import { historySearch, parseHistoryFilters, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";
import { runHref } from "@/lib/history/history-run";
import { fetchJson } from "@/lib/queries/fetch-json";
import { historyKeys, historyListOptions } from "@/lib/queries/history";

const LIST_ROW_HEIGHT = 88;
const GRID_ROW_HEIGHT = 320;
const GRID_CARD_WIDTH = 240;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 10;

export function HistoryView({ kind, renderedAt }: { kind: HistoryKind; renderedAt: number }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const filters = useMemo(() => parseHistoryFilters(searchParams, kind), [searchParams, kind]);
  const now = useNow(renderedAt);
  const hydrated = useHydrated();
  const [view, setView] = useViewMode();
  const [selected, setSelected] = useState(0);
  const [columns, setColumns] = useState(4);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Set by j/k pressed inside the list: the focus follows the selection once its row renders. */
  const focusFollows = useRef(false);
  const firstFilterRef = useRef<HTMLSelectElement>(null);

  const directory = useQuery({
    queryKey: historyKeys.directory(),
    queryFn: () => fetchJson<HistoryDirectory>("/api/history/directory"),
    staleTime: 5 * 60_000,
  }).data;
  const list = useInfiniteQuery(historyListOptions(kind, filters));
  const runs = useMemo(() => list.data?.pages.flatMap((page) => page.runs) ?? [], [list.data]);
  const live = useLiveRuns(runs);
  const newRuns = useNewRunCount(kind, filters, runs[0], list.isSuccess);

  const changeFilters = useCallback(
    (next: HistoryFilters) => {
      // The URL is the state: a copied link reopens this view. No server round trip needed.
      window.history.replaceState(null, "", `${pathname}${historySearch(next)}`);
      setSelected(0);
      scrollRef.current?.scrollTo({ top: 0 });
    },
    [pathname],
  );

  const layoutColumns = view === "grid" ? columns : 1;
  const rowCount = Math.ceil(runs.length / layoutColumns);
  const rowHeight = view === "grid" ? GRID_ROW_HEIGHT : LIST_ROW_HEIGHT;
  const rowWindow = useRowWindow({ scrollRef, count: rowCount, rowHeight, overscan: 6 });
  const items = rowWindow.items;
  const firstVisibleRow = items[0]?.index ?? 0;
  const lastVisibleRow = items.at(-1)?.index ?? 0;
  const selectedRow = Math.floor(selected / layoutColumns);
  const selectedRendered = items.length > 0 && selectedRow >= firstVisibleRow && selectedRow <= lastVisibleRow;

  useEffect(() => {
    if (lastVisibleRow >= rowCount - PREFETCH_ROWS && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
    }
  }, [lastVisibleRow, rowCount, list]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      setColumns(Math.max(1, Math.floor((entry?.contentRect.width ?? GRID_CARD_WIDTH) / GRID_CARD_WIDTH)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!focusFollows.current || !selectedRendered) return;
    focusFollows.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-position="${selected}"] [data-run-link]`)?.focus({ preventScroll: true });
  }, [selected, selectedRendered, firstVisibleRow, lastVisibleRow]);

  useHistoryKeys({
    count: runs.length,
    onMove: (delta) => {
      focusFollows.current = scrollRef.current?.contains(document.activeElement) ?? false;
      setSelected((current) => {
        const next = Math.min(Math.max(0, current + delta), Math.max(0, runs.length - 1));
        rowWindow.scrollToRow(Math.floor(next / layoutColumns));
        return next;
      });
    },
    onOpen: () => {
      const run = runs[selected];
      if (run) router.push(runHref(run));
    },
    onFocusFilters: () => firstFilterRef.current?.focus(),
  });

  // One handler for every row: a click or a focus selects the run it landed in.
  const selectRowOf = (target: EventTarget) => {
    const row = (target as HTMLElement).closest<HTMLElement>("[data-position]");
    if (row) setSelected(Number(row.dataset.position));
  };

  const workspaceNames = useMemo(() => new Map(directory?.workspaces.map((w) => [w.id, w.name])), [directory]);
  const projectNames = useMemo(() => new Map(directory?.projects.map((p) => [p.id, p.name])), [directory]);
  const filterNames = describeFilters(filters, directory);

  return (
    <div className="space-y-4">
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
      <RateLimitNotice error={list.failureReason} since={list.errorUpdatedAt || now} />
      {newRuns > 0 && (
        <button
          type="button"
          onClick={() => {
            void queryClient.resetQueries({ queryKey: historyKeys.list(kind, filters) });
            scrollRef.current?.scrollTo({ top: 0 });
            setSelected(0);
          }}
          className="mx-auto block rounded-full bg-accent px-4 py-1.5 text-sm font-medium text-white shadow"
        >
          {newRuns === 1 ? "1 new run" : `${newRuns} new runs`}
        </button>
      )}
      {list.isPending ? (
        <HistorySkeleton />
      ) : list.isError && runs.length === 0 ? (
        <HistoryError error={list.error} onRetry={() => void list.refetch()} />
      ) : runs.length === 0 ? (
        <HistoryEmpty filterNames={filterNames} onClear={() => changeFilters({})} />
      ) : (
        // A list of links, not a listbox: an option may not hold a link. One tab stop: the
        // selected run's link, or the list itself while that run is scrolled out of the DOM.
        <div
          ref={scrollRef}
          role="list"
          aria-label={kind === "generation" ? "Generations, newest first" : "Technique runs, newest first"}
          tabIndex={selectedRendered ? -1 : 0}
          className="h-[calc(100vh-240px)] min-h-[400px] overflow-auto rounded-lg border border-black/10 bg-canvas"
          data-testid="history-scroller"
          data-hydrated={hydrated}
          onClick={(event) => selectRowOf(event.target)}
          // Focus that lands on a row (a click, a screen reader's cursor) makes it the selection.
          onFocus={(event) => selectRowOf(event.target)}
        >
          <div style={{ height: rowWindow.totalHeight, position: "relative" }}>
            {items.map((item) => (
              <div
                key={item.index}
                data-index={item.index}
                style={{
                  position: "absolute",
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                  ...(view === "grid" && { gridTemplateColumns: `repeat(${layoutColumns}, minmax(0, 1fr))` }),
                }}
                className={view === "grid" ? "grid gap-3 p-2" : ""}
              >
                {runs.slice(item.index * layoutColumns, item.index * layoutColumns + layoutColumns).map((run, offset) => {
                  const index = item.index * layoutColumns + offset;
                  return (
                    <HistoryItem
                      key={run.runId}
                      position={index}
                      run={withLiveState(run, live.latest.get(run.runId))}
                      workspaceName={workspaceNames.get(run.workspaceId) ?? run.workspaceId}
                      projectName={projectNames.get(run.projectId) ?? run.projectId}
                      now={now}
                      selected={index === selected}
                      layout={view}
                      setSize={list.hasNextPage ? -1 : runs.length}
                    />
                  );
                })}
              </div>
            ))}
          </div>
          {list.isFetchingNextPage && <p className="p-3 text-center text-sm text-muted">Loading more…</p>}
          {!list.hasNextPage && <p className="p-3 text-center text-sm text-muted">That is all of them.</p>}
        </div>
      )}
    </div>
  );
}

function describeFilters(filters: HistoryFilters, directory: HistoryDirectory | undefined): string[] {
  const names: string[] = [];
  if (filters.workspace) names.push(`workspace ${directory?.workspaces.find((w) => w.id === filters.workspace)?.name ?? filters.workspace}`);
  if (filters.project) names.push(`project ${directory?.projects.find((p) => p.id === filters.project)?.name ?? filters.project}`);
  if (filters.status) names.push(`status ${filters.status}`);
  if (filters.technique) names.push(`technique ${directory?.techniques.find((t) => t.id === filters.technique)?.name ?? filters.technique}`);
  return names;
}
