/**
 * How often a run page asks the gateway about a run, and how it waits after a failure.
 * FLORA advises polling every 2 to 5 s; a teammate watching a fresh run wants to see it
 * start at once, and a ten-minute video needs no answer every second.
 */

/** The first seconds of watching: poll briskly so pending → running shows at once. */
export const BRISK_INTERVAL_MS = 1_500;
export const BRISK_PHASE_MS = 10_000;
/** After the brisk phase: a twentieth of the run's estimate, within these bounds. */
export const MIN_INTERVAL_MS = 2_000;
export const MAX_INTERVAL_MS = 10_000;
/** Unknown estimate: grow from the brisk interval by this factor per poll, up to this cap. */
const UNKNOWN_ESTIMATE_GROWTH = 1.15;
const UNKNOWN_ESTIMATE_CAP_MS = 5_000;

export interface PollMoment {
  /** Time since the page started watching this run. */
  watchedMs: number;
  /** Polls answered so far. */
  polls: number;
  /** The run's expected duration, when the launch or the model says; null when unknown. */
  estimatedSeconds: number | null;
}

export function pollIntervalMs({ watchedMs, polls, estimatedSeconds }: PollMoment): number {
  if (watchedMs < BRISK_PHASE_MS) return BRISK_INTERVAL_MS;
  if (estimatedSeconds === null || !Number.isFinite(estimatedSeconds) || estimatedSeconds <= 0) {
    return Math.round(Math.min(UNKNOWN_ESTIMATE_CAP_MS, BRISK_INTERVAL_MS * UNKNOWN_ESTIMATE_GROWTH ** polls));
  }
  return Math.round(Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, (estimatedSeconds * 1000) / 20)));
}

/** In a hidden tab polling pauses, unless the teammate asked to be notified: then it idles here. */
export const BACKGROUND_INTERVAL_MS = 15_000;

/** FLORA's own sample waits 5 s on a 429 without Retry-After. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;
const ERROR_BACKOFF_BASE_MS = 2_000;
const ERROR_BACKOFF_CAP_MS = 30_000;

export interface PollFailure {
  status: number;
  retryAfterMs: number | null;
}

/**
 * Why polling stopped for good: the session ended (401), the teammate may no longer see the
 * run (403), or FLORA no longer has it (404). Asking again, now or later, gets the same
 * answer until someone acts (signs in, or an admin restores access), so the poll ends here.
 */
export type PollStop = "signed_out" | "forbidden" | "gone";

const STOPS: Partial<Record<number, PollStop>> = { 401: "signed_out", 403: "forbidden", 404: "gone" };

export function pollStopOf(failure: PollFailure | null): PollStop | null {
  return failure === null ? null : (STOPS[failure.status] ?? null);
}

/**
 * Whether to poll again: never once the run ended, never after a stopping failure. Other
 * failures keep the poll going (their own retries back off first).
 */
export function keepsPolling(ended: boolean, lastFailure: PollFailure | null): boolean {
  return !ended && pollStopOf(lastFailure) === null;
}

/** Not found, forbidden and bad ids will not get better by asking again. */
export function isWorthRetrying(failure: PollFailure): boolean {
  return failure.status === 429 || failure.status >= 500 || failure.status === 0 || failure.status === 408;
}

/**
 * The wait before the next attempt after `failures` failures in a row: the gateway's
 * Retry-After when it sent one, otherwise doubling from 2 s up to 30 s.
 */
export function retryDelayMs(failures: number, failure: PollFailure): number {
  if (failure.retryAfterMs !== null && failure.retryAfterMs > 0) return failure.retryAfterMs;
  if (failure.status === 429) return DEFAULT_RATE_LIMIT_WAIT_MS;
  const exponent = Math.max(0, failures - 1);
  return Math.min(ERROR_BACKOFF_CAP_MS, ERROR_BACKOFF_BASE_MS * 2 ** exponent);
}
