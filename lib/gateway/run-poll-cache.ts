import { isTerminalStatus } from "@/lib/flora/run-status";
import type { Run } from "@/lib/flora/schemas";
import { PollCache } from "@/lib/gateway/poll-cache";

/** Cache keys of the two ways to poll a run. */
export const runCacheKey = (runId: string) => `run:${runId}`;
export const techniqueRunCacheKey = (techniqueId: string, runId: string) => `technique-run:${techniqueId}:${runId}`;

const globalPolls = globalThis as typeof globalThis & { __atelierPollCache?: PollCache<Run> };

/**
 * The process's one cache of polled runs (on globalThis: the route handlers and the custom
 * server's fast path share it). Unfinished runs are re-read after a second; finished ones
 * are kept ten minutes.
 */
export function runPollCache(): PollCache<Run> {
  globalPolls.__atelierPollCache ??= new PollCache<Run>({
    freshMs: 1_000,
    terminalMs: 10 * 60_000,
    maxEntries: 5_000,
    isTerminal: (run) => isTerminalStatus(run.status),
  });
  return globalPolls.__atelierPollCache;
}
