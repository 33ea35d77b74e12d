import { isTerminalStatus } from "@/lib/flora/run-status";
import type { Run } from "@/lib/flora/schemas";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";
import { keepsPolling, type PollFailure } from "@/lib/runs/poll-policy";

export const runKeys = {
  detail: (pollPath: string) => ["run", pollPath] as const,
};

export const fetchRun = (pollPath: string) => fetchJson<Run>(pollPath);

/** A failed poll, as the poll policy sees it; a fetch that never got an answer is status 0. */
export function toPollFailure(error: unknown): PollFailure {
  if (error instanceof DashboardApiError) return { status: error.status, retryAfterMs: error.retryAfterMs };
  return { status: 0, retryAfterMs: null };
}

/** How a run query ended its last fetch: the failure once its retries are spent, else null. */
export function lastPollFailure(state: { status: string; error: unknown }): PollFailure | null {
  return state.status === "error" ? toPollFailure(state.error) : null;
}

/** Whether a run query should poll again, read from its state (see keepsPolling). */
export function keepsPollingRun(state: { status: string; error: unknown; data?: Pick<Run, "status"> | undefined }): boolean {
  return keepsPolling(isTerminalStatus(state.data?.status), lastPollFailure(state));
}
