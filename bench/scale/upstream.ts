/**
 * What FLORA (the simulator) saw, read from its loopback control API: its request log and
 * its state. The benchmark's upstream figures come only from here, never from the app.
 */
/** The simulator's own record of a request (simulator/state/request-log.ts). */
import type { LoggedRequest } from "../../simulator/state/request-log";

export type { LoggedRequest };

export interface SimulatorState {
  generations: { total: number; by_status: Record<string, number> };
}

async function control<T>(origin: string, method: string, name: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}/_sim/${name}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} /_sim/${name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const simulatorControl = (origin: string) => ({
  requests: async () => (await control<{ requests: LoggedRequest[] }>(origin, "GET", "requests")).requests,
  clearRequests: () => control(origin, "DELETE", "requests"),
  state: () => control<SimulatorState>(origin, "GET", "state"),
  armFault: (rule: unknown) => control(origin, "POST", "faults", rule),
  disarmFaults: () => control(origin, "DELETE", "faults"),
});

export interface PollFigures {
  /** Upstream GET /runs/{id} per run per second over the window: the mean over runs, and the busiest run. */
  meanPerRunPerSecond: number;
  maxPerRunPerSecond: number;
  reads: number;
  /**
   * Two reads of one run that arrived less than a second apart. One shared read per second
   * makes this 0: the next read can start only after the shared answer expired, a second
   * after it was stored.
   */
  readsUnderOneSecondApart: number;
  /** The shortest gap between two reads of one run, ms (null: no run was read twice). */
  shortestGapMs: number | null;
  /** The reads under a second apart (at most 20), to see when they happened. */
  closeReads: Array<{ runId: string; at: number; gapMs: number }>;
}

/** Upstream reads of each run between `from` and `to` (unix ms), from the simulator's log. */
export function pollFigures(log: LoggedRequest[], runIds: string[], from: number, to: number): PollFigures {
  const seconds = (to - from) / 1000;
  const perRun = runIds.map((runId) =>
    log
      .filter((entry) => entry.method === "GET" && entry.path === `/api/v1/runs/${runId}` && entry.time >= from && entry.time < to)
      .map((entry) => entry.time)
      .sort((a, b) => a - b),
  );
  const gaps = perRun.flatMap((times) => times.slice(1).map((time, index) => time - times[index]!));
  const closeReads = perRun
    .flatMap((times, run) => times.slice(1).map((time, index) => ({ runId: runIds[run]!, at: time, gapMs: time - times[index]! })))
    .filter((read) => read.gapMs < 1_000)
    .slice(0, 20);
  const rates = perRun.map((times) => times.length / seconds);
  return {
    meanPerRunPerSecond: rates.reduce((sum, rate) => sum + rate, 0) / Math.max(1, rates.length),
    maxPerRunPerSecond: Math.max(0, ...rates),
    reads: perRun.reduce((sum, times) => sum + times.length, 0),
    readsUnderOneSecondApart: gaps.filter((gap) => gap < 1_000).length,
    shortestGapMs: gaps.length > 0 ? Math.min(...gaps) : null,
    closeReads,
  };
}
