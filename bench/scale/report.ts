/** The scale benchmark's summary: one column per scenario, then the launches made during the stop. */
import type { KeyOutcome } from "./launch-during-stop";
import type { ScenarioResult } from "./scenario";
import type { PollFigures } from "./upstream";

const ms = (value: number) => value.toFixed(1);
const rate = (figures: PollFigures) => `${figures.meanPerRunPerSecond.toFixed(2)} / ${figures.maxPerRunPerSecond.toFixed(2)}`;
const gaps = (figures: PollFigures) => `${figures.readsUnderOneSecondApart} (${figures.shortestGapMs ?? "-"} ms)`;

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function split(result: ScenarioResult): string {
  return Object.values(result.viewersPerInstance).join("/");
}

export function scenarioTable(results: ScenarioResult[]): string {
  const column = (pick: (result: ScenarioResult) => string) => results.map(pick);
  const stopped = (pick: (stop: NonNullable<ScenarioResult["stop"]>) => string) => column((result) => (result.stop ? pick(result.stop) : "-"));
  return table(
    ["measure", ...results.map((result) => result.name)],
    [
      ["instances (viewers on each)", ...column((result) => `${result.instances.length} (${split(result)})`)],
      ["polls, measured seconds", ...column((result) => `${result.polls}, ${result.seconds.toFixed(1)} s`)],
      ["viewer errors (no 200 after the retry)", ...column((result) => String(result.errors))],
      ["polls retried on the other instance", ...column((result) => String(result.retried))],
      ["latency p50 / p95 / p99 ms", ...column((result) => `${ms(result.latencyMs.p50)} / ${ms(result.latencyMs.p95)} / ${ms(result.latencyMs.p99)}`)],
      ["upstream polls/run/s, mean / busiest run", ...column((result) => rate(result.upstream))],
      ["reads of one run < 1 s apart (shortest gap)", ...column((result) => gaps(result.upstream))],
      ["stop (SIGTERM) at", ...stopped((stop) => `${stop.atSecond.toFixed(1)} s, exited in ${stop.launches.stop.ms} ms`)],
      ["upstream polls/run/s before / after stop", ...stopped((stop) => `${stop.upstreamBefore.meanPerRunPerSecond.toFixed(2)} / ${stop.upstreamAfter.meanPerRunPerSecond.toFixed(2)}`)],
      ["retried polls p95 ms", ...stopped((stop) => (stop.retriedLatencyP95Ms === null ? "-" : ms(stop.retriedLatencyP95Ms)))],
    ],
  );
}

function attempts(outcome: KeyOutcome): string {
  return outcome.attempts
    .map((attempt) => `${attempt.instance}: ${attempt.status ?? attempt.failure}${attempt.status !== null && attempt.failure ? ` ${attempt.failure}` : ""}${attempt.replayed ? " (replayed)" : ""}${attempt.runId ? ` ${attempt.runId}` : ""} in ${attempt.ms} ms`)
    .join("; ");
}

export function launchLines(result: ScenarioResult): string[] {
  if (!result.stop) return [];
  const { launches } = result.stop;
  const line = (label: string, outcome: KeyOutcome) =>
    `${label}: ${attempts(outcome)}\n    FLORA's POST /generate with its key answered ${outcome.upstream.map((entry) => entry.status ?? "no answer").join(", ") || "nothing"}: ` +
    `${outcome.runsStarted} run(s) started, run ids given to the client: ${outcome.runIdsAnswered.join(", ") || "none"}`;
  return [
    `launches during the stop (${result.name}):`,
    line("  in flight at the stop (client retries on the other after 1 s)", launches.inFlight),
    line("  made after the stop (retry on connection error or 5xx)", launches.afterStop),
    `  generations the simulator holds: +${launches.generationsAdded} during the stop`,
  ];
}
