import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { HistoryFilters, HistoryKind } from "@/lib/history/filters";
import { historySearch } from "@/lib/history/filters";
import type { HistoryPage } from "@/lib/history/history-run";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";
import { fetchRun, keepsPollingRun, lastPollFailure, toPollFailure } from "@/lib/queries/run";
import { isWorthRetrying, pollStopOf, retryDelayMs } from "@/lib/runs/poll-policy";

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
    // Stops once signed out or refused, like the rows' polls: asking again changes nothing.
    refetchInterval: (query) => (pollStopOf(lastPollFailure(query.state)) === null ? 10_000 : false),
    staleTime: 0,
    ...retryPolicy,
  });
}

/** `streamed`: the tab's event stream covers the run, so its news arrives without polling. */
export function runPollOptions(pollPath: string, streamed = false) {
  return queryOptions({
    queryKey: historyKeys.run(pollPath),
    queryFn: () => fetchRun(pollPath),
    // Gentle, and only while the run can still change and the gateway still answers it (not
    // after a 401, 403 or 404: see pollStopOf); never from a hidden tab (the default).
    refetchInterval: (query) => (!streamed && keepsPollingRun(query.state) ? 3_000 : false),
    refetchOnWindowFocus: !streamed,
    staleTime: 0,
    // As on the run page, a refusal is final and a 429 waits out Retry-After; three tries at most.
    retry: (failures: number, error: Error) => failures < 3 && isWorthRetrying(toPollFailure(error)),
    retryDelay: (failures: number, error: Error) => retryDelayMs(failures, toPollFailure(error)),
  });
}
