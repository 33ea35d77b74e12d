"use client";

import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useLazyRunStream } from "@/components/hooks/use-lazy-run-stream";
import type { Run } from "@/lib/flora/wire";
import { isActiveStatus } from "@/lib/flora/wire";
import { pollPathOf, type HistoryRun } from "@/lib/history/history-run";
import { historyKeys, runPollOptions } from "@/lib/queries/history";
import { lastPollFailure } from "@/lib/queries/run";
import { pollStopOf } from "@/lib/runs/poll-policy";

export interface LiveRuns {
  /** The latest state of each polled run, by run id. */
  latest: Map<string, Run>;
  /** A poll was answered 401: every poll has stopped, and the teammate must sign in again. */
  signedOut: boolean;
}

/**
 * Follows the loaded runs that are still pending or running, and returns their latest state
 * by run id: on the tab's event stream while it covers them, else by polling the gateway
 * (which coalesces). Each poll stops once its run ends or is refused (401, 403, 404: see
 * runPollOptions), and none poll from a hidden tab.
 */
export function useLiveRuns(runs: HistoryRun[]): LiveRuns {
  // A launch FLORA has not confirmed (a search row) has no run to poll yet.
  const active = useMemo(() => runs.filter((run) => isActiveStatus(run.status) && !run.launchState), [runs]);
  const queryClient = useQueryClient();
  const paths = useMemo(() => active.map(pollPathOf), [active]);
  const isCovered = useLazyRunStream(paths, (path, run) => queryClient.setQueryData(historyKeys.run(path), run));
  const results = useQueries({ queries: paths.map((path) => runPollOptions(path, isCovered(path))) });
  return useMemo(() => {
    const latest = new Map<string, Run>();
    let signedOut = false;
    results.forEach((result, index) => {
      if (result.data) latest.set(active[index]!.runId, result.data);
      if (pollStopOf(lastPollFailure(result)) === "signed_out") signedOut = true;
    });
    return { latest, signedOut };
  }, [results, active]);
}

/** A history run with what the live poll learned since the page was loaded. */
export function withLiveState(run: HistoryRun, live: Run | undefined): HistoryRun {
  if (!live) return run;
  return {
    ...run,
    status: live.status,
    progress: live.progress,
    startedAt: live.started_at ?? run.startedAt,
    completedAt: live.completed_at ?? run.completedAt,
    costUsd: live.charged_cost ?? run.costUsd,
    outputs: live.outputs ?? run.outputs,
    errorCode: live.error_code ?? run.errorCode,
    errorMessage: live.error_message ?? run.errorMessage,
  };
}
