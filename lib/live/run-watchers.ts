import { isTerminalStatus } from "@/lib/flora/run-status";
import type { Run, RunStatus } from "@/lib/flora/schemas";
import { ApiError } from "@/lib/errors/api-error";
import { isUpstreamCallError } from "@/lib/flora/call-policy";
import { withPollPath } from "@/lib/http/poll-url";
import { pollIntervalMs, retryDelayMs, type PollFailure } from "@/lib/runs/poll-policy";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * One server-side watcher per run, however many tabs watch it: the instance reads the run
 * (through the coalesced poll cache) on the run page's schedule, and tells every tab on its
 * event stream when something changed. A webhook's news arrives through `nudge` at once;
 * a run a webhook will report is read only once more after that, as a safety check, at
 * twice its estimated time.
 */

/** What a tab is told about a run it watches. `seq` orders events across the instance. */
export type WatchEvent =
  | { kind: "run"; path: string; seq: number; run: Run }
  /** FLORA could not be read just now: the tab polls the run itself, and shows the problem as it always has. */
  | { kind: "problem"; path: string; seq: number; status: number; code: string; message: string }
  /** FLORA has no such run (404): nothing will change, the watch ends. */
  | { kind: "gone"; path: string; seq: number };

export type WatchListener = (event: WatchEvent) => void;

/** An event before it is numbered (each kind keeps its own fields). */
type News = WatchEvent extends infer Event ? (Event extends WatchEvent ? Omit<Event, "seq"> : never) : never;

export interface WebhookCoverage {
  /** A webhook will report the run's end (the dashboard launched it with a callback URL). */
  covered: boolean;
  /** The run's expected duration, when the launch or the model says. */
  estimatedSeconds: number | null;
}

export interface RunWatchersOptions {
  read: (ref: RunRef) => Promise<Run>;
  coverage: (ref: RunRef) => Promise<WebhookCoverage>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Without an estimate, a covered run gets its safety read after this long. */
export const UNKNOWN_ESTIMATE_SAFETY_MS = 120_000;
/** After the safety read finds a covered run still going, it is read this often (its webhook may be lost). */
export const AFTER_SAFETY_INTERVAL_MS = 10_000;
/** A nudged read that still finds the old state is tried again this often, this many times. */
export const NUDGE_RETRY_MS = 300;
const NUDGE_TRIES = 3;

interface Watched {
  ref: RunRef;
  listeners: Set<WatchListener>;
  latest: WatchEvent | null;
  signature: string;
  startedAt: number;
  polls: number;
  failures: number;
  coverage: WebhookCoverage | null;
  safetyReadDone: boolean;
  /** What a nudge said the run is now, until a read agrees (or the tries run out). */
  expected: { status: RunStatus; tries: number } | null;
  timer: unknown;
  done: boolean;
}

/** What a tab sees of a run: a change in any of these is news. */
function signatureOf(event: News): string {
  if (event.kind !== "run") return JSON.stringify(event);
  const { status, progress, outputs, error_code, error_message, charged_cost, started_at, completed_at } = event.run;
  return JSON.stringify({ status, progress, outputs, error_code, error_message, charged_cost, started_at, completed_at });
}

function failureOf(error: unknown): PollFailure & { code: string; message: string } {
  const apiError = isUpstreamCallError(error) ? error.apiError : error instanceof ApiError ? error : null;
  if (apiError) {
    const retryAfter = Number(apiError.headers?.["retry-after"]);
    return { status: apiError.status, code: apiError.code, message: apiError.message, retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : null };
  }
  return { status: 500, code: "internal_error", message: "The run could not be read.", retryAfterMs: null };
}

export class RunWatchers {
  private readonly watched = new Map<string, Watched>();
  private seq = 0;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: RunWatchersOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  }

  /** The newest sequence number handed out: events after it are news to a resuming tab. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Runs watched right now on this instance, for health and benchmarks. */
  get size(): number {
    return this.watched.size;
  }

  /**
   * Starts watching (the first watcher starts the reads) and returns the way to stop. The
   * listener hears the latest state at once when there is one, unless it is not newer than
   * `afterSeq` (a resuming tab already has it).
   */
  watch(path: string, ref: RunRef, listener: WatchListener, afterSeq = 0): () => void {
    let entry = this.watched.get(path);
    if (!entry) {
      entry = {
        ref,
        listeners: new Set(),
        latest: null,
        signature: "",
        startedAt: this.now(),
        polls: 0,
        failures: 0,
        coverage: null,
        safetyReadDone: false,
        expected: null,
        timer: null,
        done: false,
      };
      this.watched.set(path, entry);
      this.schedule(path, entry, 0);
    } else if (entry.latest && entry.latest.seq > afterSeq) {
      listener(entry.latest);
    }
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size > 0 || this.watched.get(path) !== entry) return;
      this.clearTimer(entry.timer);
      entry.done = true;
      this.watched.delete(path);
    };
  }

  /**
   * News from outside the schedule (a verified webhook, here or on another instance): the
   * run is read at once. The read goes through this instance's memory, which may hold the
   * old state for a moment more (a shared answer is kept 250 ms): until the read says
   * `status`, it is tried again a few times, NUDGE_RETRY_MS apart.
   */
  nudge(runId: string, status: RunStatus): void {
    for (const [path, entry] of this.watched) {
      if (entry.ref.runId !== runId || entry.done) continue;
      entry.expected = { status, tries: NUDGE_TRIES };
      this.schedule(path, entry, 0);
    }
  }

  /** As the gateway answers it: with the dashboard's own poll path, never FLORA's. */
  private present(entry: Watched, run: Run): Run {
    return withPollPath(run, entry.ref.techniqueId ?? undefined);
  }

  private schedule(path: string, entry: Watched, ms: number) {
    this.clearTimer(entry.timer);
    entry.timer = this.setTimer(() => void this.read(path, entry), ms);
  }

  private finish(entry: Watched) {
    entry.done = true;
    this.clearTimer(entry.timer);
  }

  private tell(path: string, entry: Watched, event: News): void {
    const signature = signatureOf(event);
    if (signature === entry.signature) return;
    entry.signature = signature;
    this.seq += 1;
    entry.latest = { ...event, seq: this.seq } as WatchEvent;
    for (const listener of entry.listeners) listener(entry.latest);
  }

  private async read(path: string, entry: Watched): Promise<void> {
    if (entry.done) return;
    try {
      entry.coverage ??= await this.options.coverage(entry.ref).catch(() => ({ covered: false, estimatedSeconds: null }));
      const run = await this.options.read(entry.ref);
      if (entry.done) return;
      entry.polls += 1;
      entry.failures = 0;
      this.tell(path, entry, { kind: "run", path, run: this.present(entry, run) });
      if (isTerminalStatus(run.status)) return this.finish(entry);
      const expected = entry.expected;
      if (expected && expected.status !== run.status && expected.tries > 0) {
        expected.tries -= 1;
        return this.schedule(path, entry, NUDGE_RETRY_MS);
      }
      entry.expected = null;
      this.schedule(path, entry, this.nextReadMs(entry));
    } catch (error) {
      if (entry.done) return;
      const failure = failureOf(error);
      if (failure.status === 404) {
        this.tell(path, entry, { kind: "gone", path });
        return this.finish(entry);
      }
      entry.failures += 1;
      this.tell(path, entry, { kind: "problem", path, status: failure.status, code: failure.code, message: failure.message });
      this.schedule(path, entry, retryDelayMs(entry.failures, failure));
    }
  }

  private nextReadMs(entry: Watched): number {
    const watchedMs = this.now() - entry.startedAt;
    const estimatedSeconds = entry.coverage?.estimatedSeconds ?? null;
    if (entry.coverage?.covered && !entry.safetyReadDone) {
      entry.safetyReadDone = true;
      const safetyAt = estimatedSeconds ? estimatedSeconds * 2_000 : UNKNOWN_ESTIMATE_SAFETY_MS;
      return Math.max(0, safetyAt - watchedMs);
    }
    if (entry.coverage?.covered) return AFTER_SAFETY_INTERVAL_MS;
    return pollIntervalMs({ watchedMs, polls: entry.polls, estimatedSeconds });
  }
}
