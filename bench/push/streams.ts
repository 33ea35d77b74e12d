/**
 * Part 4: many open tabs, as Node fetch clients of `GET /api/events` with a personal token
 * each, read incrementally. Every stream watches one run; a stream's record says whether it
 * was accepted, when it said `ready`, every run event (id, status, arrival), and what went
 * wrong: a refusal, a connection error, a `problem`/`gone`/`signed-out` event, or the
 * stream ending before the benchmark closed it.
 */
import { SseParser } from "./sse";

export interface StreamRecord {
  index: number;
  runId: string;
  status: number | null;
  openedAt: number;
  readyAt: number | null;
  runEvents: Array<{ id: string; status: string; at: number }>;
  heartbeats: number;
  /** problem, gone, signed-out: each is an error here. */
  badEvents: string[];
  error: string | null;
  endedEarly: boolean;
}

export interface OpenStreams {
  records: StreamRecord[];
  /** Resolves when every stream said ready or failed, or after `timeoutMs`. */
  allReady(timeoutMs: number): Promise<void>;
  /** Closes every stream (the tab went away); resolves when all have ended. */
  close(): Promise<void>;
}

function openOne(origin: string, token: string, runId: string, record: StreamRecord, signal: AbortSignal): Promise<void> {
  const watch = encodeURIComponent(`/api/v1/runs/${runId}`);
  return (async () => {
    try {
      const response = await fetch(`${origin}/api/events?watch=${watch}`, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, signal });
      record.status = response.status;
      if (!response.ok || !response.body) {
        record.error = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
        return;
      }
      const parser = new SseParser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const at = Date.now();
        for (const frame of parser.push(value)) {
          if (frame.event === "ready") record.readyAt = at;
          else if (frame.event === "heartbeat") record.heartbeats += 1;
          else if (frame.event === "run") {
            const { run } = JSON.parse(frame.data) as { run: { status: string } };
            record.runEvents.push({ id: frame.id ?? "", status: run.status, at });
          } else record.badEvents.push(frame.event);
        }
      }
      if (!signal.aborted) record.endedEarly = true;
    } catch (error) {
      if (!signal.aborted) record.error = error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error);
    }
  })();
}

/** `count` streams spread over `runIds` round-robin; stream i uses tokens[i % tokens.length]. */
export function openStreams(origin: string, tokens: string[], runIds: string[], count: number): OpenStreams {
  const controller = new AbortController();
  const records: StreamRecord[] = Array.from({ length: count }, (_, index) => ({
    index,
    runId: runIds[index % runIds.length]!,
    status: null,
    openedAt: Date.now(),
    readyAt: null,
    runEvents: [],
    heartbeats: 0,
    badEvents: [],
    error: null,
    endedEarly: false,
  }));
  const ended = records.map((record, index) => openOne(origin, tokens[index % tokens.length]!, record.runId, record, controller.signal));
  const settled = (record: StreamRecord) => record.readyAt !== null || record.error !== null || record.endedEarly;
  return {
    records,
    async allReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && !records.every(settled)) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async close() {
      controller.abort();
      await Promise.all(ended);
    },
  };
}
