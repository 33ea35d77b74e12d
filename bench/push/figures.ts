/** The push benchmark's arithmetic: latency summaries, upstream reads per run, missed stream events. */
import { percentile } from "../lib/sequential";
import type { LoggedRequest } from "../scale/upstream";

export interface Summary {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  mean: number | null;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) return { count: 0, p50: null, p95: null, max: null, mean: null };
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
  };
}

/** FLORA's reads of each run (`GET /api/v1/runs/{id}`), from the simulator's log, whenever they came. */
export function upstreamReadsPerRun(log: LoggedRequest[], runIds: string[], window?: { from: number; to: number }): number[] {
  return runIds.map(
    (runId) =>
      log.filter(
        (entry) => entry.method === "GET" && entry.path === `/api/v1/runs/${runId}` && (!window || (entry.time >= window.from && entry.time < window.to)),
      ).length,
  );
}

/** One stream's run events, by the event ids the server gave them (`<boot>-<seq>`). */
export interface StreamEvents {
  runId: string;
  eventIds: string[];
}

const seqOf = (id: string) => Number(id.split("-")[1]);

/**
 * Events a stream did not get although another stream of the same run did, after the
 * stream's own first event (what came before it had joined is not news it missed). 0 when
 * the fan-out lost nothing.
 */
export function missedEvents(streams: StreamEvents[]): number {
  const sentPerRun = new Map<string, Set<string>>();
  for (const stream of streams) {
    const sent = sentPerRun.get(stream.runId) ?? new Set<string>();
    for (const id of stream.eventIds) sent.add(id);
    sentPerRun.set(stream.runId, sent);
  }
  let missed = 0;
  for (const stream of streams) {
    if (stream.eventIds.length === 0) {
      missed += sentPerRun.get(stream.runId)!.size;
      continue;
    }
    const first = Math.min(...stream.eventIds.map(seqOf));
    const own = new Set(stream.eventIds);
    for (const id of sentPerRun.get(stream.runId)!) if (seqOf(id) > first && !own.has(id)) missed += 1;
  }
  return missed;
}
