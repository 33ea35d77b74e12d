"use client";

import { useQuery } from "@tanstack/react-query";
import type { HistoryFilters, HistoryKind } from "@/lib/history/filters";
import type { HistoryRun } from "@/lib/history/history-run";
import { historyHeadOptions } from "@/lib/queries/history";

/** How many runs newer than the top of the loaded list the upstream now has. */
export function useNewRunCount(kind: HistoryKind, filters: HistoryFilters, top: HistoryRun | undefined, enabled: boolean): number {
  const head = useQuery({ ...historyHeadOptions(kind, filters), enabled });
  if (!head.data || !top) return 0;
  return head.data.runs.filter((run) => run.createdAt > top.createdAt || (run.createdAt === top.createdAt && run.runId > top.runId)).length;
}
