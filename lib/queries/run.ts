import type { Run } from "@/lib/flora/schemas";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";
import type { PollFailure } from "@/lib/runs/poll-policy";

export const runKeys = {
  detail: (pollPath: string) => ["run", pollPath] as const,
};

export const fetchRun = (pollPath: string) => fetchJson<Run>(pollPath);

/** A failed poll, as the poll policy sees it; a fetch that never got an answer is status 0. */
export function toPollFailure(error: unknown): PollFailure {
  if (error instanceof DashboardApiError) return { status: error.status, retryAfterMs: error.retryAfterMs };
  return { status: 0, retryAfterMs: null };
}
