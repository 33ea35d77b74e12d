/**
 * Parts 1 to 3 in figures: for each way of watching, the time from the run's end to the
 * page showing Completed, and FLORA's reads per run. The webhook's clock starts at the
 * simulator's delivery (its first attempt's send time); the others' at the run's end
 * (`completed_at`), which is when the webhook is due. Same machine, same clock.
 */
import { summarize, upstreamReadsPerRun, type Summary } from "./figures";
import type { Delivery } from "./launches";
import { WATCH_KINDS, type WatchedRun, type WatchKind } from "./page-rounds";
import type { LoggedRequest } from "../scale/upstream";

export interface KindFigures {
  runs: number;
  /** Runs whose page showed Completed after showing the run live first: the measured ones. */
  measured: number;
  /** The page first showed the run already ended: it loaded too late to measure anything. */
  loadedAfterEnd: number;
  /** The page never showed Completed within the timeout. */
  neverCompleted: number;
  /** webhook: from the delivery's send time; the others: from the run's end. */
  latencyMs: Summary;
  /** For every kind, from the run's end: comparable across kinds. */
  fromEndMs: Summary;
  /** webhook only: from the run's end to the simulator sending the delivery. */
  deliveryLagMs: Summary | null;
  /** webhook only: from the delivery's send time to the page's stream hearing Completed (the server's share). */
  webhookToEventMs: Summary | null;
  /** From the stream's Completed event to the page showing it (the browser's share). */
  eventToPageMs: Summary;
  /** webhook only: runs with no delivery the dashboard answered 2xx, and deliveries retried. */
  undelivered: number | null;
  retriedDeliveries: number | null;
  upstreamReadsPerRun: Summary;
  pagePollsPerRun: Summary;
  /** Of those, the polls sent before the page showed Completed. */
  pagePollsBeforeCompletedPerRun: Summary;
}

export function kindFigures(
  kind: WatchKind,
  watched: WatchedRun[],
  deliveries: Delivery[],
  endedAt: Map<string, number | null>,
  log: LoggedRequest[],
): KindFigures {
  const runs = watched.filter((run) => run.kind === kind);
  const firstDelivery = (runId: string) =>
    deliveries.filter((delivery) => delivery.run_id === runId).sort((a, b) => a.attempt - b.attempt)[0];
  const measured = runs.filter((run) => run.completedAt !== null && !/Completed/.test(run.firstStatus ?? ""));
  const fromEnd = measured.flatMap((run) => {
    const end = endedAt.get(run.runId);
    return typeof end === "number" ? [run.completedAt! - end] : [];
  });
  const fromDelivery = measured.flatMap((run) => {
    const delivery = firstDelivery(run.runId);
    return delivery ? [run.completedAt! - delivery.time] : [];
  });
  const webhook = kind === "webhook";
  return {
    runs: runs.length,
    measured: measured.length,
    loadedAfterEnd: runs.filter((run) => /Completed/.test(run.firstStatus ?? "")).length,
    neverCompleted: runs.filter((run) => run.completedAt === null).length,
    latencyMs: summarize(webhook ? fromDelivery : fromEnd),
    fromEndMs: summarize(fromEnd),
    deliveryLagMs: webhook
      ? summarize(
          runs.flatMap((run) => {
            const delivery = firstDelivery(run.runId);
            const end = endedAt.get(run.runId);
            return delivery && typeof end === "number" ? [delivery.time - end] : [];
          }),
        )
      : null,
    webhookToEventMs: webhook
      ? summarize(
          measured.flatMap((run) => {
            const delivery = firstDelivery(run.runId);
            return delivery && run.eventAt !== null ? [run.eventAt - delivery.time] : [];
          }),
        )
      : null,
    eventToPageMs: summarize(measured.flatMap((run) => (run.eventAt !== null ? [run.completedAt! - run.eventAt] : []))),
    undelivered: webhook
      ? runs.filter((run) => !deliveries.some((delivery) => delivery.run_id === run.runId && delivery.status !== null && delivery.status < 300 && delivery.status >= 200)).length
      : null,
    retriedDeliveries: webhook ? deliveries.filter((delivery) => delivery.attempt > 1 && runs.some((run) => run.runId === delivery.run_id)).length : null,
    upstreamReadsPerRun: summarize(upstreamReadsPerRun(log, runs.map((run) => run.runId))),
    pagePollsPerRun: summarize(runs.map((run) => run.pagePolls)),
    pagePollsBeforeCompletedPerRun: summarize(runs.map((run) => run.pagePollTimes.filter((time) => run.completedAt === null || time < run.completedAt).length)),
  };
}

export function pageFigures(
  watched: WatchedRun[],
  deliveries: Delivery[],
  endedAt: Map<string, number | null>,
  log: LoggedRequest[],
): Record<WatchKind, KindFigures> {
  return Object.fromEntries(WATCH_KINDS.map((kind) => [kind, kindFigures(kind, watched, deliveries, endedAt, log)])) as Record<WatchKind, KindFigures>;
}

/** Each watched run's own times (epoch ms), for the results file: where a slow p95 came from. */
export function runRows(watched: WatchedRun[], deliveries: Delivery[], endedAt: Map<string, number | null>) {
  return watched.map((run) => {
    const sentAt = deliveries.filter((delivery) => delivery.run_id === run.runId).sort((a, b) => a.attempt - b.attempt)[0]?.time ?? null;
    const end = endedAt.get(run.runId) ?? null;
    const from = run.kind === "webhook" ? sentAt : end;
    return {
      kind: run.kind,
      round: run.round,
      runId: run.runId,
      endedAt: end,
      webhookSentAt: sentAt,
      completedOnPageAt: run.completedAt,
      streamEventAt: run.eventAt,
      latencyMs: from !== null && run.completedAt !== null ? run.completedAt - from : null,
      firstStatus: run.firstStatus,
      pagePollTimes: run.pagePollTimes,
      streamOpenings: run.streamOpenings,
    };
  });
}
