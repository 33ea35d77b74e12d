import type { Run } from "@/lib/flora/schemas";

/**
 * poll_url is an absolute URL the upstream chose; the server never fetches it, and clients
 * of the dashboard must poll the dashboard. So every answer carries our own path instead.
 */
export const runPollPath = (runId: string) => `/api/v1/runs/${encodeURIComponent(runId)}`;
export const techniqueRunPollPath = (techniqueId: string, runId: string) =>
  `/api/v1/techniques/${encodeURIComponent(techniqueId)}/runs/${encodeURIComponent(runId)}`;

export function withPollPath<T extends Pick<Run, "run_id" | "poll_url">>(run: T, techniqueId?: string): T {
  return { ...run, poll_url: techniqueId ? techniqueRunPollPath(techniqueId, run.run_id) : runPollPath(run.run_id) };
}
