/**
 * One measured scenario: fresh live runs, the viewers' load unmeasured for a warm-up, the
 * simulator's log cleared, then the same load measured; optionally an instance stopped in
 * the middle (with launches, see launch-during-stop.ts).
 */
import http from "node:http";
import { percentile } from "../lib/sequential";
import { stopWithLaunches, type StopOutcome } from "./launch-during-stop";
import type { AppInstance } from "./processes";
import { pollFigures, simulatorControl, type PollFigures } from "./upstream";
import { homeOf, runViewers, type PollSample, type Target } from "./viewers";

export interface Load {
  viewers: number;
  runs: number;
  pollMs: number;
  seconds: number;
  warmupSeconds: number;
}

export interface Accounts {
  /** Viewers' bearer tokens. */
  viewerTokens: string[];
  /** A member's token (launches) and user id. */
  launcherToken: string;
  launcherId: string;
}

export interface ScenarioResult {
  name: string;
  instances: string[];
  viewersPerInstance: Record<string, number>;
  seconds: number;
  polls: number;
  /** Polls with no 200 after the retry policy: answers lost. */
  errors: number;
  retried: number;
  firstFailures: Record<string, number>;
  finalFailures: Record<string, number>;
  servedBy: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** p95 latency of each tenth of the window: shows a slow start or a slow stop. */
  p95ByTenthMs: number[];
  upstream: PollFigures;
  /** Scenario C: the same figures before and after the stop, and the launches. */
  stop?: {
    atSecond: number;
    upstreamBefore: PollFigures;
    upstreamAfter: PollFigures;
    errorsAfter: number;
    retriedLatencyP95Ms: number | null;
    launches: StopOutcome;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function tally(values: Array<string | null>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** `count` runs launched through `instance`; they outlast the benchmark (SIMULATOR_RUN_SECONDS). */
async function launchLiveRuns(instance: AppInstance, token: string, count: number, label: string): Promise<string[]> {
  const runIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${instance.origin}/api/v1/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "text", prompt: `${label} live run ${index}`, workspace_id: "ws_northwind", project_id: "prj_springcampaign" }),
    });
    if (!response.ok) throw new Error(`launch ${index} through ${instance.name} answered ${response.status}: ${await response.text()}`);
    runIds.push(((await response.json()) as { run_id: string }).run_id);
  }
  return runIds;
}

export async function runScenario(options: {
  name: string;
  instances: AppInstance[];
  simulatorOrigin: string;
  load: Load;
  accounts: Accounts;
  /** Stop instances[0] in the middle of the measured window, with launches. */
  stopOneMidway?: boolean;
}): Promise<ScenarioResult> {
  const { instances, load, accounts } = options;
  const sim = simulatorControl(options.simulatorOrigin);
  const targets: Target[] = instances.map((instance) => ({
    name: instance.name,
    origin: instance.origin,
    agent: new http.Agent({ keepAlive: true, maxSockets: 128 }),
  }));
  try {
    const runIds = await launchLiveRuns(instances[0]!, accounts.launcherToken, load.runs, options.name);
    const plan = { viewers: load.viewers, runIds, tokens: accounts.viewerTokens, targets, pollMs: load.pollMs };
    await runViewers({ ...plan, endsAt: Date.now() + load.warmupSeconds * 1000, record: () => undefined });

    await sim.clearRequests();
    const samples: PollSample[] = [];
    const from = Date.now();
    const measured = runViewers({ ...plan, endsAt: from + load.seconds * 1000, record: (sample) => samples.push(sample) });
    let launches: StopOutcome | undefined;
    if (options.stopOneMidway) {
      await sleep(from + (load.seconds * 1000) / 2 - Date.now());
      launches = await stopWithLaunches({
        stopping: instances[0]!,
        other: instances[1]!,
        simulatorOrigin: options.simulatorOrigin,
        token: accounts.launcherToken,
        userId: accounts.launcherId,
      });
    }
    await measured;
    const to = Date.now();
    const log = await sim.requests();

    const ms = samples.map((sample) => sample.ms);
    const viewersPerInstance: Record<string, number> = {};
    for (let index = 0; index < load.viewers; index += 1) {
      const name = targets[homeOf(index, runIds.length, targets.length)]!.name;
      viewersPerInstance[name] = (viewersPerInstance[name] ?? 0) + 1;
    }
    const result: ScenarioResult = {
      name: options.name,
      instances: instances.map((instance) => instance.name),
      viewersPerInstance,
      seconds: (to - from) / 1000,
      polls: samples.length,
      errors: samples.filter((sample) => !sample.ok).length,
      retried: samples.filter((sample) => sample.retried).length,
      firstFailures: tally(samples.map((sample) => sample.firstFailure)),
      finalFailures: tally(samples.map((sample) => sample.finalFailure)),
      servedBy: tally(samples.map((sample) => sample.servedBy)),
      latencyMs: { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: Math.max(...ms) },
      upstream: pollFigures(log, runIds, from, to),
      p95ByTenthMs: Array.from({ length: 10 }, (_, tenth) => {
        const slice = samples.filter((sample) => Math.floor(((sample.at - from) / (to - from)) * 10) === tenth).map((sample) => sample.ms);
        return slice.length > 0 ? Math.round(percentile(slice, 95)) : 0;
      }),
    };
    if (launches) {
      const retried = samples.filter((sample) => sample.retried).map((sample) => sample.ms);
      result.stop = {
        atSecond: (launches.stoppedAt - from) / 1000,
        upstreamBefore: pollFigures(log, runIds, from, launches.stoppedAt),
        upstreamAfter: pollFigures(log, runIds, launches.stoppedAt, to),
        errorsAfter: samples.filter((sample) => !sample.ok && sample.at >= launches.stoppedAt).length,
        retriedLatencyP95Ms: retried.length > 0 ? percentile(retried, 95) : null,
        launches,
      };
    }
    return result;
  } finally {
    for (const target of targets) target.agent.destroy();
  }
}
