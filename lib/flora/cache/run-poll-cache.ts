import { isTerminalStatus } from "@/lib/flora/run-status";
import type { Run } from "@/lib/flora/schemas";
import { PollCache } from "@/lib/flora/cache/poll-cache";
import { SharedPoll } from "@/lib/flora/cache/shared-poll";
import { isUpstreamNotFound, READ_POLICY } from "@/lib/flora/call-policy";
import { sharedRedis, type SharedRedis } from "@/lib/redis/connection";

/** How long "FLORA has no such run" is answered from memory. */
export const UNKNOWN_RUN_MS = 3_000;

/** Cache keys of the two ways to poll a run. */
export const runCacheKey = (runId: string) => `run:${runId}`;
export const techniqueRunCacheKey = (techniqueId: string, runId: string) => `technique-run:${techniqueId}:${runId}`;

type RunEndedListener = (run: Run) => void;
const globalPolls = globalThis as typeof globalThis & {
  __atelierPollCache?: PollCache<Run>;
  __atelierRunEnded?: Map<string, RunEndedListener>;
  __atelierSharedPoll?: { redis: SharedRedis; poll: SharedPoll<Run> };
};

/** How long an instance keeps a shared unfinished run in its own memory before asking Redis again. */
export const SHARED_LOCAL_FRESH_MS = 250;

/** Runs are read once a second across all instances, through Redis, when REDIS_URL is set. */
function sharedRunPoll(): SharedPoll<Run> | null {
  const redis = sharedRedis();
  if (!redis) return null;
  if (globalPolls.__atelierSharedPoll?.redis !== redis) {
    globalPolls.__atelierSharedPoll = {
      redis,
      poll: new SharedPoll<Run>(redis, {
        freshMs: 1_000,
        terminalMs: 10 * 60_000,
        // A read answers within its deadline; the lock outlives it by a margin.
        lockMs: READ_POLICY.deadlineMs + 1_000,
        isTerminal: (run) => isTerminalStatus(run.status),
      }),
    };
  }
  return globalPolls.__atelierSharedPoll.poll;
}

/**
 * Who is told when a read of FLORA finds a run finished: lib/budgets/run-end-hook.ts settles
 * its charge ("budgets"), lib/archive copies its outputs ("archive"). Listeners are named so
 * that registering again (a module loaded by two bundles) replaces, never doubles. Kept on
 * globalThis, like the cache, and without importing the store here: the custom server's
 * fast path imports this module too, outside Next's bundle.
 */
export function whenRunEnds(name: string, listener: RunEndedListener): void {
  globalPolls.__atelierRunEnded ??= new Map();
  globalPolls.__atelierRunEnded.set(name, listener);
}

/** Tells every listener; one that throws does not keep the run from the others. */
function runEnded(run: Run): void {
  for (const listener of globalPolls.__atelierRunEnded?.values() ?? []) {
    try {
      listener(run);
    } catch {
      // Listeners do their work in the background and report their own failures.
    }
  }
}

/**
 * The process's one cache of polled runs (on globalThis: the route handlers and the custom
 * server's fast path share it). Unfinished runs are re-read after a second; finished ones
 * are kept ten minutes; a run FLORA does not know is answered 404 for a few seconds. With
 * Redis, the second is shared by every instance (lib/flora/cache/shared-poll.ts), and only
 * the instance that read a finished run upstream tells the run-end listeners.
 */
export function runPollCache(): PollCache<Run> {
  globalPolls.__atelierPollCache ??= new PollCache<Run>({
    freshMs: 1_000,
    terminalMs: 10 * 60_000,
    maxEntries: 5_000,
    isTerminal: (run) => isTerminalStatus(run.status),
    onLoad: (_key, run) => {
      if (isTerminalStatus(run.status)) runEnded(run);
    },
    shared: sharedRunPoll,
    sharedFreshMs: SHARED_LOCAL_FRESH_MS,
    failureTtlMs: (error) => (isUpstreamNotFound(error) ? UNKNOWN_RUN_MS : 0),
  });
  return globalPolls.__atelierPollCache;
}
