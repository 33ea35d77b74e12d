import { trackStream } from "@/lib/live/open-streams";
import type { RunRef } from "@/lib/runs/run-ref";
import type { RunWatchers, WatchEvent } from "@/lib/live/run-watchers";

/**
 * One tab's Server-Sent Events stream of the runs it watches. It starts with `ready` (the
 * tab stops polling those runs once it hears it), sends each run's state when it changes,
 * a heartbeat (so the tab can tell a quiet stream from a dead one, and proxies keep the
 * connection), and ends itself after `lifetimeMs`: the browser reconnects
 * with Last-Event-ID, and the reconnection is authenticated again. A heartbeat that finds
 * the teammate signed out or disabled ends the stream at once with `signed-out`.
 */

export interface EventStreamOptions {
  watchers: RunWatchers;
  /** The runs, by poll path, already checked (lib/live/watch-target.ts). */
  runs: { path: string; ref: RunRef }[];
  /** The instance's boot id: event ids from another boot resume nothing. */
  bootId: string;
  /** The sequence number of the last event the tab received from this boot (0: none). */
  afterSeq: number;
  heartbeatMs: number;
  lifetimeMs: number;
  /** Whether the teammate may still watch (asked at each heartbeat). */
  stillAllowed: () => Promise<boolean>;
  /** The request's own abort signal: the tab went away. */
  signal: AbortSignal;
  /** Called once, however the stream ends. */
  onClose: () => void;
}

/** A tab that reads nothing while this many bytes wait is dropped, not buffered for ever. */
const MAX_QUEUED_BYTES = 256 * 1024;
/** How long the browser waits before reconnecting after the stream ends. */
const RECONNECT_MS = 1_000;

const encoder = new TextEncoder();

export function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function frameOf(event: WatchEvent, bootId: string): string {
  const id = `${bootId}-${event.seq}`;
  switch (event.kind) {
    case "run":
      return frame("run", { path: event.path, run: event.run }, id);
    case "problem":
      return frame("problem", { path: event.path, status: event.status, code: event.code, message: event.message }, id);
    case "gone":
      return frame("gone", { path: event.path }, id);
  }
}

export function openEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const stops: (() => void)[] = [];
  let closed = false;
  const end = () => {
    closed = true;
    for (const stop of stops.splice(0)) stop();
    options.signal.removeEventListener("abort", abort);
    options.onClose();
  };
  let abort = () => {};

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const close = () => {
          if (closed) return;
          end();
          try {
            controller.close();
          } catch {
            // Already cancelled by the reader.
          }
        };
        abort = close;
        const send = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return close();
          controller.enqueue(encoder.encode(text));
        };

        if (options.signal.aborted) return close();
        options.signal.addEventListener("abort", abort);
        send(`retry: ${RECONNECT_MS}\n`);
        send(frame("ready", { heartbeatMs: options.heartbeatMs, watching: options.runs.map((run) => run.path) }));
        // The runs' latest states go out in the order they were numbered, so that the last id
        // the browser heard (what it sends back on reconnecting) is the highest it holds: every
        // event up to it has arrived.
        const known: WatchEvent[] = [];
        let live = false;
        for (const { path, ref } of options.runs) {
          const listener = (event: WatchEvent) => (live ? send(frameOf(event, options.bootId)) : known.push(event));
          stops.push(options.watchers.watch(path, ref, listener, options.afterSeq));
        }
        live = true;
        for (const event of known.sort((a, b) => a.seq - b.seq)) send(frameOf(event, options.bootId));

        // An event, not an SSE comment: the browser's EventSource shows scripts no comments,
        // and the tab's watchdog must see the beat.
        const beat = () => send(frame("heartbeat", {}));
        const heartbeat = setInterval(() => {
          void options.stillAllowed().then(
            (allowed) => {
              if (allowed) return beat();
              send(frame("signed-out", { message: "Your session ended: sign in again." }));
              close();
            },
            beat,
          );
        }, options.heartbeatMs);
        const lifetime = setTimeout(close, options.lifetimeMs);
        stops.push(() => clearInterval(heartbeat), () => clearTimeout(lifetime), trackStream(close));
      },
      cancel() {
        if (!closed) end();
      },
    },
    // Counted in bytes, so MAX_QUEUED_BYTES means what it says.
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
