import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { HistoryFilters, HistoryKind } from "@/lib/history/filters";
import { historySearch } from "@/lib/history/filters";
import type { HistoryPage } from "@/lib/history/history-run";
import { isTerminalStatus } from "@/lib/flora/run-status";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";
import { fetchRun } from "@/lib/queries/run";

/** Query keys for the history, from here only; the filters are part of the key. */
export const historyKeys = {
  all: ["history"] as const,
  list: (kind: HistoryKind, filters: HistoryFilters) => ["history", kind, "list", filters] as const,
  head: (kind: HistoryKind, filters: HistoryFilters) => ["history", kind, "head", filters] as const,
  run: (pollPath: string) => ["history", "run", pollPath] as const,
  directory: () => ["history", "directory"] as const,
};

const apiPath = (kind: HistoryKind) => `/api/history/${kind === "generation" ? "generations" : "technique-runs"}`;

/** Fetches one page in the browser; the server page passes its own fetcher instead. */
export function fetchHistoryPage(kind: HistoryKind, filters: HistoryFilters, cursor: string | undefined) {
  const search = new URLSearchParams(historySearch(filters).slice(1));
  if (cursor) search.set("cursor", cursor);
  const query = search.toString();
  return fetchJson<HistoryPage>(`${apiPath(kind)}${query ? `?${query}` : ""}`);
}

/** Retries a 429 after the gateway's Retry-After, other failures twice, quickly. */
export const retryPolicy = {
  retry: (failures: number, error: Error) =>
    error instanceof DashboardApiError && error.status < 500 && error.status !== 429 ? false : failures < 3,
  retryDelay: (failures: number, error: Error) =>
    error instanceof DashboardApiError && error.retryAfterMs ? error.retryAfterMs : Math.min(1000 * 2 ** failures, 8000),
};

export function historyListOptions(
  kind: HistoryKind,
  filters: HistoryFilters,
  fetchPage: (cursor: string | undefined) => Promise<HistoryPage> = (cursor) => fetchHistoryPage(kind, filters, cursor),
) {
  return infiniteQueryOptions({
    queryKey: historyKeys.list(kind, filters),
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage: HistoryPage) => lastPage.nextCursor ?? undefined,
    ...retryPolicy,
  });
}

/** The newest page alone, polled to tell the user about runs newer than the list shows. */
export function historyHeadOptions(kind: HistoryKind, filters: HistoryFilters) {
  return queryOptions({
    queryKey: historyKeys.head(kind, filters),
    queryFn: () => fetchHistoryPage(kind, filters, undefined),
    refetchInterval: 10_000,
    staleTime: 0,
  });
}

export function runPollOptions(pollPath: string) {
  return queryOptions({
    queryKey: historyKeys.run(pollPath),
    queryFn: () => fetchRun(pollPath),
    // Gentle, and only while the run can still change; never from a hidden tab (the default).
    refetchInterval: (query) => (isTerminalStatus(query.state.data?.status) ? false : 3_000),
    staleTime: 0,
  });
}
