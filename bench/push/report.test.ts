import { describe, expect, it } from "vitest";
import { summarize } from "./figures";
import type { KindFigures } from "./page-figures";
import type { WatchKind } from "./page-rounds";
import { holdTable, pageTable, verdicts } from "./report";
import type { HoldFigures } from "./stream-hold";

const kind = (latency: number[], overrides: Partial<KindFigures> = {}): KindFigures => ({
  runs: latency.length,
  measured: latency.length,
  loadedAfterEnd: 0,
  neverCompleted: 0,
  latencyMs: summarize(latency),
  fromEndMs: summarize(latency),
  deliveryLagMs: null,
  webhookToEventMs: null,
  eventToPageMs: summarize([10, 20]),
  undelivered: null,
  retriedDeliveries: null,
  upstreamReadsPerRun: summarize([2, 3]),
  pagePollsPerRun: summarize([0, 0]),
  pagePollsBeforeCompletedPerRun: summarize([0, 0]),
  ...overrides,
});

const pages = (webhook: number[], overrides: Partial<Record<WatchKind, KindFigures>> = {}): Record<WatchKind, KindFigures> => ({
  webhook: kind(webhook, { deliveryLagMs: summarize([1, 2]), undelivered: 0, retriedDeliveries: 0 }),
  "stream-uncovered": kind([900, 1_400]),
  polling: kind([700, 1_600], { pagePollsPerRun: summarize([4, 5]) }),
  ...overrides,
});

const memory = { rssMb: 300, heapUsedMb: 150 };
const hold = (overrides: Partial<HoldFigures> = {}): HoldFigures => ({
  streams: 200,
  runs: 20,
  runSeconds: 25,
  holdSeconds: 30,
  accepted: 200,
  ready: 200,
  readyMs: summarize([50, 90]),
  errors: 0,
  errorSamples: [],
  runEvents: 600,
  runEventsPerStream: summarize([3, 3]),
  missedEvents: 0,
  streamsThatSawCompleted: 200,
  webhookToStreamMs: summarize([40, 80]),
  heartbeats: 400,
  upstreamReadsDuringHold: 40,
  upstreamReadsPerRunDuringHold: summarize([2, 2]),
  memory: { noStreams: memory, allOpen: { rssMb: 302, heapUsedMb: 151 }, afterClose: memory, perStream: { rssKb: 10.24, heapKb: 5.12 } },
  ...overrides,
});

describe("verdicts", () => {
  it("meets every goal on a good run", () => {
    expect(Object.values(verdicts(pages([40, 120, 480]), hold()))).toEqual([true, true, true, true]);
  });

  it("misses the latency goal over 500 ms, and with no measured run at all", () => {
    expect(verdicts(pages([40, 120, 520]), hold())["webhook to page p95 ≤ 500 ms"]).toBe(false);
    expect(verdicts(pages([]), hold())["webhook to page p95 ≤ 500 ms"]).toBe(false);
  });

  it("misses on a page that never completed, a stream error or not ready, and a missed event", () => {
    const goals = (p: Record<WatchKind, KindFigures>, h: HoldFigures) => Object.values(verdicts(p, h));
    expect(goals(pages([40], { polling: kind([700], { neverCompleted: 1 }) }), hold())[1]).toBe(false);
    expect(goals(pages([40]), hold({ errors: 1 }))[2]).toBe(false);
    expect(goals(pages([40]), hold({ ready: 199 }))[2]).toBe(false);
    expect(goals(pages([40]), hold({ missedEvents: 2 }))[3]).toBe(false);
  });
});

describe("tables", () => {
  it("puts the three ways of watching side by side, with what each is measured from", () => {
    const lines = pageTable(pages([40, 120, 480])).split("\n");
    expect(lines[0]).toMatch(/stream, webhook\s+stream, no webhook\s+polling \(stream blocked\)/);
    expect(lines.find((line) => line.startsWith("to Completed on the page"))).toMatch(/120 \/ 480 \/ 480\s+900 \/ 1400 \/ 1400\s+700 \/ 1600 \/ 1600/);
    expect(lines.find((line) => line.includes("measured from"))).toMatch(/webhook sent\s+run's end\s+run's end/);
    expect(lines.find((line) => line.startsWith("page polls"))).toMatch(/0\.00 \(0\.00\)\s+0\.00 \(0\.00\)\s+4\.50 \(0\.00\)/);
  });

  it("shows the held streams' errors with their reasons, and memory per stream", () => {
    const text = holdTable(hold({ errors: 2, errorSamples: ["HTTP 429", "ended before it was closed"] }));
    expect(text).toMatch(/errors\s+2 \(HTTP 429; ended before it was closed\)/);
    expect(text).toMatch(/per stream: RSS \/ JS heap kB\s+10\.2 \/ 5\.1/);
    expect(text).toMatch(/300\.0 \/ 302\.0 \/ 300\.0/);
  });
});
