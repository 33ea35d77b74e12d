/**
 * Part 4: `streams` open streams on `runs` webhook-covered runs, held `holdSeconds`. The
 * runs are made to end about halfway through the hold, so every stream should also hear
 * its run complete (the webhook's fan-out to ten tabs per run). Memory after a full GC with
 * no stream open, with all of them open (at the end of the hold), and after closing them.
 */
import type { Inspector } from "../lib/inspector";
import { simulatorControl } from "../scale/upstream";
import { missedEvents, summarize, upstreamReadsPerRun, type Summary } from "./figures";
import { launchThroughApp, webhookDeliveries } from "./launches";
import { afterFullGc, perStreamKb, type MemorySample } from "./memory";
import { openStreams, type StreamRecord } from "./streams";

/** Launching the runs, the first GC and opening the streams take about this long before the hold. */
const SETUP_SECONDS = 10;
const READY_TIMEOUT_MS = 30_000;

export interface HoldPlan {
  appOrigin: string;
  simulatorOrigin: string;
  launcherToken: string;
  streamTokens: string[];
  streams: number;
  runs: number;
  holdSeconds: number;
  pid: number;
  inspector: Inspector;
}

export interface HoldFigures {
  streams: number;
  runs: number;
  runSeconds: number;
  holdSeconds: number;
  accepted: number;
  ready: number;
  /** From opening to `ready`, ms. */
  readyMs: Summary;
  /** Streams with a refusal, a connection error, a problem/gone/signed-out event, or an early end. */
  errors: number;
  errorSamples: string[];
  runEvents: number;
  runEventsPerStream: Summary;
  /** Events another stream of the same run got after this one joined, and this one did not. */
  missedEvents: number;
  streamsThatSawCompleted: number;
  /** From the simulator sending the run's webhook to each stream hearing Completed. */
  webhookToStreamMs: Summary;
  heartbeats: number;
  upstreamReadsDuringHold: number;
  upstreamReadsPerRunDuringHold: Summary;
  memory: { noStreams: MemorySample; allOpen: MemorySample; afterClose: MemorySample; perStream: { rssKb: number; heapKb: number } };
}

function streamErrors(record: StreamRecord): string | null {
  if (record.error) return record.error;
  if (record.status !== 200) return `HTTP ${record.status}`;
  if (record.badEvents.length > 0) return `events: ${record.badEvents.join(", ")}`;
  if (record.endedEarly) return "ended before it was closed";
  if (record.readyAt === null) return "no ready";
  return null;
}

export async function holdStreams(plan: HoldPlan): Promise<HoldFigures> {
  const runSeconds = Math.min(600, SETUP_SECONDS + Math.ceil(plan.holdSeconds / 2));
  const runIds: string[] = [];
  for (let index = 0; index < plan.runs; index += 1) {
    runIds.push(await launchThroughApp(plan.appOrigin, plan.launcherToken, `held ${index}`, runSeconds));
  }
  const noStreams = await afterFullGc(plan.inspector, plan.pid);
  const open = openStreams(plan.appOrigin, plan.streamTokens, runIds, plan.streams);
  await open.allReady(READY_TIMEOUT_MS);
  const holdFrom = Date.now();
  await new Promise((resolve) => setTimeout(resolve, plan.holdSeconds * 1000));
  const holdTo = Date.now();
  const allOpen = await afterFullGc(plan.inspector, plan.pid);
  // Errors are read before closing: what ends after the benchmark's own abort is not one.
  const errors = open.records.map(streamErrors);
  await open.close();
  // Let the server notice the closed sockets and release them before measuring again.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const afterClose = await afterFullGc(plan.inspector, plan.pid);

  const log = await simulatorControl(plan.simulatorOrigin).requests();
  const deliveries = await webhookDeliveries(plan.simulatorOrigin);
  const sentAt = (runId: string) => deliveries.filter((d) => d.run_id === runId).sort((a, b) => a.attempt - b.attempt)[0]?.time;
  const records = open.records;
  const readsDuringHold = upstreamReadsPerRun(log, runIds, { from: holdFrom, to: holdTo });
  return {
    streams: plan.streams,
    runs: plan.runs,
    runSeconds,
    holdSeconds: plan.holdSeconds,
    accepted: records.filter((record) => record.status === 200).length,
    ready: records.filter((record) => record.readyAt !== null).length,
    readyMs: summarize(records.flatMap((record) => (record.readyAt === null ? [] : [record.readyAt - record.openedAt]))),
    errors: errors.filter((error) => error !== null).length,
    errorSamples: [...new Set(errors.filter((error): error is string => error !== null))].slice(0, 5),
    runEvents: records.reduce((sum, record) => sum + record.runEvents.length, 0),
    runEventsPerStream: summarize(records.map((record) => record.runEvents.length)),
    missedEvents: missedEvents(records.map((record) => ({ runId: record.runId, eventIds: record.runEvents.map((event) => event.id) }))),
    streamsThatSawCompleted: records.filter((record) => record.runEvents.some((event) => event.status === "completed")).length,
    webhookToStreamMs: summarize(
      records.flatMap((record) => {
        const heard = record.runEvents.find((event) => event.status === "completed");
        const sent = sentAt(record.runId);
        return heard && sent !== undefined ? [heard.at - sent] : [];
      }),
    ),
    heartbeats: records.reduce((sum, record) => sum + record.heartbeats, 0),
    upstreamReadsDuringHold: readsDuringHold.reduce((sum, reads) => sum + reads, 0),
    upstreamReadsPerRunDuringHold: summarize(readsDuringHold),
    memory: { noStreams, allOpen, afterClose, perStream: perStreamKb(noStreams, allOpen, plan.streams) },
  };
}
