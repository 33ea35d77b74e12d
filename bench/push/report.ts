/** The push benchmark's summary: the three ways of watching a run side by side, then the held streams, then the goals. */
import { table } from "../scale/report";
import type { Summary } from "./figures";
import type { KindFigures } from "./page-figures";
import type { WatchKind } from "./page-rounds";
import type { HoldFigures } from "./stream-hold";

export const GOALS = { webhookToPageP95Ms: 500, streamErrors: 0 };

const ms = (value: number | null) => (value === null ? "-" : String(Math.round(value)));
const spread = (summary: Summary) => `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.max)}`;
const mean = (summary: Summary, digits = 1) => (summary.mean === null ? "-" : summary.mean.toFixed(digits));
const mb = (value: number) => value.toFixed(1);

const COLUMNS: Array<[WatchKind, string]> = [
  ["webhook", "stream, webhook"],
  ["stream-uncovered", "stream, no webhook"],
  ["polling", "polling (stream blocked)"],
];

export function pageTable(figures: Record<WatchKind, KindFigures>): string {
  const row = (label: string, pick: (kind: KindFigures) => string) => [label, ...COLUMNS.map(([kind]) => pick(figures[kind]))];
  return table(
    ["run page, per way of watching", ...COLUMNS.map(([, label]) => label)],
    [
      row("runs (measured / loaded after the end / never Completed)", (k) => `${k.runs} (${k.measured} / ${k.loadedAfterEnd} / ${k.neverCompleted})`),
      row("to Completed on the page, p50 / p95 / max ms", (k) => spread(k.latencyMs)),
      row("  measured from", (k) => (k.deliveryLagMs ? "webhook sent" : "run's end")),
      row("from the run's end, p50 / p95 / max ms", (k) => spread(k.fromEndMs)),
      row("webhook sent after the end, p50 / max ms", (k) => (k.deliveryLagMs ? `${ms(k.deliveryLagMs.p50)} / ${ms(k.deliveryLagMs.max)}` : "-")),
      row("  of which webhook sent to the page's stream event, p50 / p95 / max ms", (k) => (k.webhookToEventMs ? spread(k.webhookToEventMs) : "-")),
      row("  and the stream event to the page showing it, p50 / p95 / max ms", (k) => (k.eventToPageMs.count > 0 ? spread(k.eventToPageMs) : "-")),
      row("runs with no 2xx delivery (deliveries retried)", (k) => (k.undelivered === null ? "-" : `${k.undelivered} (${k.retriedDeliveries})`)),
      row("upstream GET /runs/{id} per run, mean (max)", (k) => `${mean(k.upstreamReadsPerRun, 2)} (${ms(k.upstreamReadsPerRun.max)})`),
      row("page polls to the dashboard per run, mean (before Completed)", (k) => `${mean(k.pagePollsPerRun, 2)} (${mean(k.pagePollsBeforeCompletedPerRun, 2)})`),
    ],
  );
}

export function holdTable(hold: HoldFigures): string {
  const { memory } = hold;
  return table(
    [`${hold.streams} streams on ${hold.runs} runs (${hold.runSeconds} s each), held ${hold.holdSeconds} s`, ""],
    [
      ["accepted (200) / said ready", `${hold.accepted} / ${hold.ready}`],
      ["open to ready, p50 / p95 / max ms", spread(hold.readyMs)],
      ["errors", `${hold.errors}${hold.errorSamples.length > 0 ? ` (${hold.errorSamples.join("; ")})` : ""}`],
      ["run events (per stream, min..max) / missed", `${hold.runEvents} (${mean(hold.runEventsPerStream)}, ..${ms(hold.runEventsPerStream.max)}) / ${hold.missedEvents}`],
      ["streams that heard their run complete", String(hold.streamsThatSawCompleted)],
      ["webhook sent to stream hears it, p50 / p95 / max ms", spread(hold.webhookToStreamMs)],
      ["heartbeats", String(hold.heartbeats)],
      ["upstream GET /runs/{id} during the hold (per run, max)", `${hold.upstreamReadsDuringHold} (${mean(hold.upstreamReadsPerRunDuringHold, 2)}, ${ms(hold.upstreamReadsPerRunDuringHold.max)})`],
      ["RSS after a full GC: none / all open / closed MB", `${mb(memory.noStreams.rssMb)} / ${mb(memory.allOpen.rssMb)} / ${mb(memory.afterClose.rssMb)}`],
      ["JS heap after a full GC: none / all open / closed MB", `${mb(memory.noStreams.heapUsedMb)} / ${mb(memory.allOpen.heapUsedMb)} / ${mb(memory.afterClose.heapUsedMb)}`],
      ["per stream: RSS / JS heap kB", `${memory.perStream.rssKb.toFixed(1)} / ${memory.perStream.heapKb.toFixed(1)}`],
    ],
  );
}

export function verdicts(figures: Record<WatchKind, KindFigures>, hold: HoldFigures): Record<string, boolean> {
  const p95 = figures.webhook.latencyMs.p95;
  return {
    [`webhook to page p95 ≤ ${GOALS.webhookToPageP95Ms} ms`]: p95 !== null && p95 <= GOALS.webhookToPageP95Ms,
    "every run page showed Completed": Object.values(figures).every((kind) => kind.neverCompleted === 0),
    [`${hold.streams} streams: all accepted and ready, ${GOALS.streamErrors} errors`]: hold.ready === hold.streams && hold.errors === GOALS.streamErrors,
    "no stream missed an event its run's other streams got": hold.missedEvents === 0,
  };
}
