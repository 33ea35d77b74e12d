/**
 * Launches made while one of two instances stops, each with an Idempotency-Key, and what
 * FLORA (the simulator) saw of them: the goal is exactly one run per key.
 *
 * 1. In flight at the stop: a launch sent to the stopping instance, held 3 s upstream by a
 *    delay fault on FLORA's POST /generate, and SIGTERM sent once FLORA has the request. The
 *    client does not wait for it: 1 s later it sends the same key to the other instance (a
 *    client that gave up, the hardest case: both attempts are in flight at once).
 * 2. Made after the stop: the stopping instance no longer takes connections, so the client's
 *    policy (connection error or 5xx: retry once on the other instance) sends it on.
 */
import { upstreamIdempotencyKey } from "@/lib/launches/idempotency-key";
import type { AppInstance } from "./processes";
import { simulatorControl, type LoggedRequest } from "./upstream";

export interface LaunchAttempt {
  instance: string;
  status: number | null;
  /** Connection error code, or the error envelope's code. */
  failure: string | null;
  runId: string | null;
  replayed: boolean;
  ms: number;
}

export interface KeyOutcome {
  clientKey: string;
  attempts: LaunchAttempt[];
  /** FLORA's answers to POST /generate with this launch's upstream key, in order. */
  upstream: Array<{ status: number | null; fault: string | null }>;
  /** POST /generate answered 200 upstream: a run started. */
  runsStarted: number;
  /** Every run id the client was given. */
  runIdsAnswered: string[];
}

export interface StopOutcome {
  stoppedAt: number;
  stop: { code: number | null; signal: string | null; ms: number };
  inFlight: KeyOutcome;
  afterStop: KeyOutcome;
  /** Generations the simulator holds after minus before: runs started by anyone meanwhile. */
  generationsAdded: number;
}

const UPSTREAM_DELAY_MS = 3_000;
const CLIENT_PATIENCE_MS = 1_000;

const body = (label: string) => ({
  type: "text",
  prompt: `scale bench: ${label}`,
  workspace_id: "ws_northwind",
  project_id: "prj_springcampaign",
});

async function launch(instance: AppInstance, token: string, key: string, label: string): Promise<LaunchAttempt> {
  const begun = Date.now();
  try {
    const response = await fetch(`${instance.origin}/api/v1/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body(label)),
      signal: AbortSignal.timeout(40_000),
    });
    const json = (await response.json().catch(() => ({}))) as { run_id?: string; error?: { code?: string } };
    return {
      instance: instance.name,
      status: response.status,
      failure: response.ok ? null : (json.error?.code ?? `HTTP ${response.status}`),
      runId: response.ok ? (json.run_id ?? null) : null,
      replayed: response.headers.get("idempotent-replayed") === "true",
      ms: Date.now() - begun,
    };
  } catch (error: unknown) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { instance: instance.name, status: null, failure: cause?.code ?? String(error), runId: null, replayed: false, ms: Date.now() - begun };
  }
}

const retryable = (attempt: LaunchAttempt) => attempt.status === null || attempt.status >= 500;

function outcome(clientKey: string, upstreamKey: string, attempts: LaunchAttempt[], log: LoggedRequest[]): KeyOutcome {
  const upstream = log
    .filter((entry) => entry.method === "POST" && entry.path.startsWith("/api/v1/generate") && entry.idempotency_key === upstreamKey)
    .map((entry) => ({ status: entry.status, fault: entry.fault }));
  return {
    clientKey,
    attempts,
    upstream,
    runsStarted: upstream.filter((entry) => entry.status === 200).length,
    runIdsAnswered: [...new Set(attempts.map((attempt) => attempt.runId).filter((id): id is string => id !== null))],
  };
}

async function waitForUpstreamLaunch(simulatorOrigin: string, upstreamKey: string): Promise<void> {
  const sim = simulatorControl(simulatorOrigin);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const log = await sim.requests();
    if (log.some((entry) => entry.method === "POST" && entry.idempotency_key === upstreamKey)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the launch sent to the stopping instance never reached FLORA");
}

/** Stops `stopping` (SIGTERM) with a launch in flight on it and one made after; `other` takes the retries. */
export async function stopWithLaunches(options: {
  stopping: AppInstance;
  other: AppInstance;
  simulatorOrigin: string;
  /** A member's bearer token, and the member's user id (the upstream key is derived from it). */
  token: string;
  userId: string;
}): Promise<StopOutcome> {
  const { stopping, other, token, userId } = options;
  const sim = simulatorControl(options.simulatorOrigin);
  const stamp = Date.now();
  const inFlightKey = `scale-in-flight-${stamp}`;
  const afterKey = `scale-after-stop-${stamp}`;
  const before = await sim.state();

  await sim.armFault({ method: "POST", path: "/generate", times: 1, fault: { kind: "delay", ms: UPSTREAM_DELAY_MS } });
  const firstInFlight = launch(stopping, token, inFlightKey, "in flight at the stop");
  await waitForUpstreamLaunch(options.simulatorOrigin, upstreamIdempotencyKey(userId, inFlightKey));
  const stoppedAt = Date.now();
  const stopped = stopping.stop();
  await new Promise((resolve) => setTimeout(resolve, CLIENT_PATIENCE_MS));
  const retryInFlight = await launch(other, token, inFlightKey, "in flight at the stop");

  const afterStop: LaunchAttempt[] = [await launch(stopping, token, afterKey, "made after the stop")];
  if (retryable(afterStop[0]!)) afterStop.push(await launch(other, token, afterKey, "made after the stop"));

  const inFlight = [await firstInFlight, retryInFlight];
  const stop = await stopped;
  await sim.disarmFaults();
  const [after, log] = await Promise.all([sim.state(), sim.requests()]);
  return {
    stoppedAt,
    stop,
    inFlight: outcome(inFlightKey, upstreamIdempotencyKey(userId, inFlightKey), inFlight, log),
    afterStop: outcome(afterKey, upstreamIdempotencyKey(userId, afterKey), afterStop, log),
    generationsAdded: after.generations.total - before.generations.total,
  };
}
