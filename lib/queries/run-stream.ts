import type { Run } from "@/lib/flora/wire";

/**
 * The tab's one event stream (GET /api/events): every run page and live history row
 * subscribes its poll path here, and the stream is reopened whenever the set changes. A run is "covered" while the stream is open and
 * its last news was good: then its query does not poll. Anything else (the stream never
 * said ready within READY_WAIT_MS, as behind a buffering proxy; it fell silent; the server
 * refused it; FLORA could not be read for that run) uncovers the run, and its query polls
 * as it always did, with the problems and stops the run page already knows how to show.
 * Plain EventSource and no library: this ships on every history and run page.
 */

/** A stream that says nothing for this long after opening is taken for a buffering proxy. */
export const READY_WAIT_MS = 5_000;
/** After a refused or silent stream, the tab polls for this long before trying it again. */
export const RETRY_STREAM_MS = 60_000;
/** EventSource.CLOSED, by value: the class is not there to read it from in tests. */
const CLOSED = 2;
/** Reopening waits this long, so rows appearing together cost one reconnection. */
const REOPEN_DEBOUNCE_MS = 50;

type RunListener = (run: Run) => void;
type Phase = "closed" | "connecting" | "open" | "unavailable";

interface StreamDeps {
  open: (url: string) => EventSource;
  setTimer: (run: () => void, ms: number) => number;
  clearTimer: (timer: number) => void;
}

const browserDeps = (): StreamDeps => ({
  open: (url) => new EventSource(url),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (timer) => window.clearTimeout(timer),
});

export class RunStream {
  private readonly listeners = new Map<string, Set<RunListener>>();
  /** Runs whose latest news was a problem (or gone): their queries poll. */
  private readonly uncovered = new Set<string>();
  private readonly changeListeners = new Set<() => void>();
  private source: EventSource | null = null;
  private watching = "";
  private phase: Phase = "closed";
  private version = 0;
  private reopenTimer: number | null = null;
  private watchdog: number | null = null;
  private retryTimer: number | null = null;

  constructor(private readonly deps: StreamDeps = browserDeps()) {}

  /** Listens for a run's news; the stream is (re)opened to include it. */
  subscribe(path: string, listener: RunListener): () => void {
    const set = this.listeners.get(path) ?? new Set();
    set.add(listener);
    this.listeners.set(path, set);
    this.reopenSoon();
    return () => {
      set.delete(listener);
      if (set.size > 0) return;
      this.listeners.delete(path);
      this.uncovered.delete(path);
      this.reopenSoon();
    };
  }

  isCovered(path: string): boolean {
    return this.phase === "open" && this.listeners.has(path) && !this.uncovered.has(path);
  }

  /** For useSyncExternalStore: a number that changes whenever any run's coverage may have. */
  onChange = (listener: () => void) => {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  };
  getVersion = () => this.version;

  private changed() {
    this.version += 1;
    for (const listener of this.changeListeners) listener();
  }

  private setPhase(phase: Phase) {
    if (this.phase === phase) return;
    this.phase = phase;
    this.changed();
  }

  private clear(timer: number | null) {
    if (timer !== null) this.deps.clearTimer(timer);
  }

  private reopenSoon() {
    this.clear(this.reopenTimer);
    this.reopenTimer = this.deps.setTimer(() => {
      this.reopenTimer = null;
      this.reopen();
    }, REOPEN_DEBOUNCE_MS);
  }

  private reopen() {
    const paths = [...this.listeners.keys()].sort();
    const watching = paths.join(",");
    if (watching === this.watching && this.source) return;
    this.close();
    this.watching = watching;
    if (paths.length === 0 || this.retryTimer !== null) return;
    // No `after` here: the event id covers the runs watched so far, and a run new to the set
    // needs its state sent even when another tab's watch already numbered it. (The browser's
    // own reconnections, same set, send Last-Event-ID by themselves.)
    const source = this.deps.open(`/api/events?${new URLSearchParams({ watch: watching }).toString()}`);
    this.source = source;
    this.setPhase("connecting");
    this.armWatchdog(READY_WAIT_MS);

    source.addEventListener("ready", (event) => {
      const { heartbeatMs } = JSON.parse((event as MessageEvent<string>).data) as { heartbeatMs: number };
      this.heartbeatMs = heartbeatMs;
      this.armWatchdog(heartbeatMs * 2 + 5_000);
      this.setPhase("open");
    });
    source.addEventListener("heartbeat", () => this.armWatchdog(this.heartbeatMs * 2 + 5_000));
    source.addEventListener("run", (event) => {
      const { path, run } = JSON.parse((event as MessageEvent<string>).data) as { path: string; run: Run };
      for (const listener of this.listeners.get(path) ?? []) listener(run);
      if (this.uncovered.delete(path)) this.changed();
    });
    for (const kind of ["problem", "gone"]) {
      source.addEventListener(kind, (event) => {
        const { path } = JSON.parse((event as MessageEvent<string>).data) as { path: string };
        this.uncovered.add(path);
        this.changed();
      });
    }
    // The session ended: the pages' own polls meet the 401 and say so.
    source.addEventListener("signed-out", () => this.giveUp());
    source.addEventListener("error", () => {
      // CLOSED: the server refused the stream (401, 429, not an event stream). Otherwise the
      // browser is reconnecting by itself (the stream's lifetime ended): poll until it is back.
      if (source.readyState === CLOSED) this.giveUp();
      else this.setPhase("connecting");
    });
  }

  private heartbeatMs = 15_000;

  private armWatchdog(ms: number) {
    this.clear(this.watchdog);
    this.watchdog = this.deps.setTimer(() => this.giveUp(), ms);
  }

  /** Polls for RETRY_STREAM_MS, then tries the stream again. */
  private giveUp() {
    this.close();
    this.setPhase("unavailable");
    this.clear(this.retryTimer);
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      this.watching = "";
      this.reopen();
    }, RETRY_STREAM_MS);
  }

  private close() {
    this.clear(this.watchdog);
    this.watchdog = null;
    this.source?.close();
    this.source = null;
    if (this.phase === "open" || this.phase === "connecting") this.setPhase("closed");
  }
}

let tabStream: RunStream | null = null;

/** The tab's stream; null where there is no EventSource (the server render, old browsers). */
export function tabRunStream(): RunStream | null {
  if (typeof window === "undefined" || typeof EventSource === "undefined") return null;
  tabStream ??= new RunStream();
  return tabStream;
}
