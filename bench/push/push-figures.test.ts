import { describe, expect, it } from "vitest";
import { loggedRead } from "../scale/logged-request.fixture";
import { missedEvents, summarize, upstreamReadsPerRun } from "./figures";
import type { Delivery } from "./launches";
import { kindFigures, runRows } from "./page-figures";
import type { WatchedRun } from "./page-rounds";
import { SseParser } from "./sse";

const read = (runId: string, time: number, method = "GET") => loggedRead(runId, time, { method });

describe("SseParser", () => {
  it("reads frames split anywhere, with CRLF, comments, retry and multi-line data", () => {
    const text = "retry: 1000\r\n: a comment\r\nevent: ready\r\ndata: {\"a\":1}\r\n\r\nid: b-2\nevent: run\ndata: line one\ndata: line two\n\n";
    for (let size = 1; size <= text.length; size += 1) {
      const parser = new SseParser();
      const frames = [];
      for (let at = 0; at < text.length; at += size) frames.push(...parser.push(text.slice(at, at + size)));
      expect(frames, `chunks of ${size}`).toEqual([
        { event: "ready", data: '{"a":1}', id: null },
        { event: "run", data: "line one\nline two", id: "b-2" },
      ]);
    }
  });

  it("holds an unfinished frame until its blank line, and dispatches nothing for a frame without data", () => {
    const parser = new SseParser();
    expect(parser.push("event: heartbeat\ndata: {}\n")).toEqual([]);
    expect(parser.push("\nevent: empty\n\n")).toEqual([{ event: "heartbeat", data: "{}", id: null }]);
    expect(parser.push("data:x\n\n")).toEqual([{ event: "message", data: "x", id: null }]);
  });
});

describe("summarize", () => {
  it("gives nearest-rank percentiles, the max and the mean", () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(summarize(values)).toEqual({ count: 100, p50: 50, p95: 95, max: 100, mean: 50.5 });
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, max: 7, mean: 7 });
  });

  it("has no figures for no values (not zeros that would pass a goal)", () => {
    expect(summarize([])).toEqual({ count: 0, p50: null, p95: null, max: null, mean: null });
  });
});

describe("upstreamReadsPerRun", () => {
  it("counts each run's GETs only, inside the window when there is one", () => {
    const log = [read("run_a", 1), read("run_a", 5), read("run_a", 6, "POST"), read("run_b", 9), read("run_c", 2)];
    expect(upstreamReadsPerRun(log, ["run_a", "run_b"])).toEqual([2, 1]);
    expect(upstreamReadsPerRun(log, ["run_a", "run_b"], { from: 2, to: 9 })).toEqual([1, 0]);
  });
});

describe("missedEvents", () => {
  it("is 0 when every stream of a run got what came after it joined", () => {
    expect(
      missedEvents([
        // The second joined late: its first event is the run's latest state, replayed to it.
        { runId: "run_a", eventIds: ["x-1", "x-3", "x-4"] },
        { runId: "run_a", eventIds: ["x-3", "x-4"] },
        { runId: "run_b", eventIds: ["x-2"] },
      ]),
    ).toBe(0);
  });

  it("counts an event another stream of the same run got, and a stream that got nothing", () => {
    expect(
      missedEvents([
        { runId: "run_a", eventIds: ["x-1", "x-4", "x-7"] },
        { runId: "run_a", eventIds: ["x-1", "x-7"] },
        { runId: "run_a", eventIds: [] },
        { runId: "run_b", eventIds: ["x-5"] },
      ]),
    ).toBe(1 + 3);
  });
});

describe("kindFigures", () => {
  const run = (runId: string, kind: WatchedRun["kind"], completedAt: number | null, firstStatus = "Status: Running", pagePolls = 0): WatchedRun => ({
    kind,
    runId,
    round: 0,
    firstStatus,
    completedAt,
    // The stream's event came 30 ms before the page showed it.
    eventAt: completedAt === null ? null : completedAt - 30,
    pagePolls,
    // Half before the page showed Completed (or all of them, when it never did), half after.
    pagePollTimes: Array.from({ length: pagePolls }, (_, index) => (index < pagePolls / 2 ? 0 : Number.MAX_SAFE_INTEGER)),
    streamOpenings: 1,
  });
  const delivery = (runId: string, time: number, attempt = 1, status: number | null = 200): Delivery => ({ webhook_id: `whd_${runId}${attempt}`, run_id: runId, attempt, status, error: null, time });

  it("times webhook runs from the first delivery attempt and the others from the run's end, leaving out pages that loaded too late", () => {
    const watched = [
      run("run_1", "webhook", 10_300),
      run("run_2", "webhook", 20_100),
      run("run_3", "webhook", 30_500, "Status: Completed"),
      run("run_4", "polling", 41_200, "Status: Running", 3),
      run("run_5", "polling", null),
    ];
    const deliveries = [delivery("run_1", 10_010, 1, null), delivery("run_1", 10_520, 2), delivery("run_2", 20_020)];
    const endedAt = new Map<string, number | null>([["run_1", 10_000], ["run_2", 20_000], ["run_3", 30_000], ["run_4", 40_000], ["run_5", 50_000]]);
    const log = [read("run_1", 1), read("run_1", 2), read("run_2", 3), read("run_4", 4)];
    const webhook = kindFigures("webhook", watched, deliveries, endedAt, log);
    expect(webhook).toMatchObject({ runs: 3, measured: 2, loadedAfterEnd: 1, neverCompleted: 0, undelivered: 1, retriedDeliveries: 1 });
    expect(webhook.latencyMs).toMatchObject({ p50: 80, max: 290 });
    expect(webhook.fromEndMs).toMatchObject({ p50: 100, max: 300 });
    expect(webhook.deliveryLagMs).toMatchObject({ p50: 10, max: 20 });
    expect(webhook.webhookToEventMs).toMatchObject({ p50: 50, max: 260 });
    expect(webhook.eventToPageMs).toMatchObject({ p50: 30, max: 30 });
    expect(webhook.upstreamReadsPerRun.mean).toBe(1);
    const polling = kindFigures("polling", watched, deliveries, endedAt, log);
    expect(polling).toMatchObject({ runs: 2, measured: 1, neverCompleted: 1, undelivered: null, deliveryLagMs: null, webhookToEventMs: null });
    expect(polling.latencyMs).toMatchObject({ p50: 1_200, max: 1_200 });
    expect(polling.pagePollsPerRun.mean).toBe(1.5);
    expect(polling.pagePollsBeforeCompletedPerRun.mean).toBe(1);
    const rows = runRows(watched, deliveries, endedAt);
    expect(rows[0]).toMatchObject({ runId: "run_1", webhookSentAt: 10_010, endedAt: 10_000, latencyMs: 290, streamEventAt: 10_270 });
    expect(rows[3]).toMatchObject({ runId: "run_4", webhookSentAt: null, latencyMs: 1_200 });
    expect(rows[4]).toMatchObject({ runId: "run_5", latencyMs: null });
  });
});
