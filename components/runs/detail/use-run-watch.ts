"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useRunStream } from "@/components/hooks/use-run-stream";
import type { Run } from "@/lib/flora/wire";
import { isTerminalStatus } from "@/lib/flora/wire";
import { fetchRun, keepsPollingRun, runKeys, toPollFailure } from "@/lib/queries/run";
import { BACKGROUND_INTERVAL_MS, isWorthRetrying, pollIntervalMs, retryDelayMs } from "@/lib/runs/poll-policy";

export interface RunWatchOptions {
  pollPath: string;
  initialRun: Run | null;
  renderedAt: number;
  estimatedSeconds: number | null;
  /** Keep polling (slowly) in a hidden tab: only when the teammate wants a notification. */
  pollInBackground: boolean;
}

/**
 * Watches one run: on the tab's event stream while it covers the run (the server tells of
 * each change, and the page does not poll), else by polling the gateway: briskly at first,
 * slower for long runs, never again once it is completed or failed, or once the gateway
 * answers 401, 403 or 404 (signed out, no longer allowed, gone: see pollStopOf). A hidden
 * tab pauses polling and retries (react-query's focus manager); other failures back off,
 * and a 429 waits out Retry-After.
 */
export function useRunWatch({ pollPath, initialRun, renderedAt, estimatedSeconds, pollInBackground }: RunWatchOptions) {
  const [watchStart] = useState(() => Date.now());
  const polls = useRef(0);
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const queryKey = runKeys.detail(pollPath);
  const known = queryClient.getQueryData<Run>(queryKey) ?? initialRun;
  const live = !isTerminalStatus(known?.status);
  const isCovered = useRunStream(live ? [pollPath] : [], (_path, run) => {
    polls.current += 1;
    queryClient.setQueryData(queryKey, run);
  });
  // The query re-reads its options on every render, and coverage changes re-render.
  const streamed = live && isCovered(pollPath);
  const query = useQuery({
    queryKey,
    queryFn: async () => {
      const run = await fetchRun(pollPath);
      polls.current += 1;
      setNextRetryAt(null);
      return run;
    },
    initialData: initialRun ?? undefined,
    initialDataUpdatedAt: renderedAt,
    // A finished run never changes: no refetch on focus, reconnect or remount.
    staleTime: (q) => (isTerminalStatus(q.state.data?.status) ? Infinity : 0),
    // The page was rendered with the run a moment ago: the stream (or the first poll, at the
    // interval) tells what changed since. A page without the run (its read failed) asks at once.
    refetchOnMount: (q) => q.state.data === undefined,
    refetchOnWindowFocus: !streamed,
    refetchInterval: (q) => {
      if (!keepsPollingRun(q.state) || streamed) return false;
      const interval = pollIntervalMs({ watchedMs: Date.now() - watchStart, polls: polls.current, estimatedSeconds });
      return typeof document !== "undefined" && document.hidden ? Math.max(interval, BACKGROUND_INTERVAL_MS) : interval;
    },
    refetchIntervalInBackground: pollInBackground,
    retry: (_failures, error) => isWorthRetrying(toPollFailure(error)),
    retryDelay: (failures, error) => {
      const delay = retryDelayMs(failures, toPollFailure(error));
      setNextRetryAt(Date.now() + delay);
      return delay;
    },
  });
  return {
    run: query.data ?? null,
    /** The latest failure while retrying, or the final error; null when the last poll worked. */
    failure: query.failureReason ?? query.error ?? null,
    failureCount: query.failureCount,
    retryAt: query.failureReason ? nextRetryAt : null,
    isGivenUp: query.isError,
    isLoading: query.isPending,
    // Cancel the fetch that is waiting out its retry delay first: before the first good read
    // the query has no data, and refetch({ cancelRefetch }) would join that waiting fetch.
    retryNow: () => void queryClient.cancelQueries({ queryKey }).then(() => query.refetch()),
  };
}
