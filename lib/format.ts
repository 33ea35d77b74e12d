/** Formatting helpers for run rows and details; pure, so the server and the browser agree. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absoluteFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});
const usdFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** "3 minutes ago", "yesterday", "in 2 hours" relative to `now` (both unix ms). */
export function formatRelativeTime(timestampMs: number, now: number): string {
  const delta = timestampMs - now;
  const size = Math.abs(delta);
  if (size < MINUTE) return relativeFormat.format(Math.round(delta / 1000), "second");
  if (size < HOUR) return relativeFormat.format(Math.round(delta / MINUTE), "minute");
  if (size < DAY) return relativeFormat.format(Math.round(delta / HOUR), "hour");
  if (size < 30 * DAY) return relativeFormat.format(Math.round(delta / DAY), "day");
  return relativeFormat.format(Math.round(delta / (30 * DAY)), "month");
}

/** "22 Nov 2026, 18:43:05 UTC": one zone for everyone, so shared screenshots agree. */
export function formatAbsoluteTime(timestampMs: number): string {
  return `${absoluteFormat.format(new Date(timestampMs))} UTC`;
}

/** "850 ms", "4.2 s", "3 min 5 s", "2 h 10 min"; an empty string for a missing span. */
export function formatDuration(startMs: number | null | undefined, endMs: number | null | undefined): string {
  if (startMs == null || endMs == null || endMs < startMs) return "";
  const span = endMs - startMs;
  if (span < 1000) return `${Math.round(span)} ms`;
  if (span < MINUTE) return `${(span / 1000).toFixed(1)} s`;
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min ${Math.round((span % MINUTE) / 1000)} s`;
  return `${Math.floor(span / HOUR)} h ${Math.round((span % HOUR) / MINUTE)} min`;
}

/** USD with cents, or more digits for sub-cent runs; an em dash when FLORA gave no cost. */
export function formatCost(usd: number | null | undefined): string {
  if (usd == null || !Number.isFinite(usd)) return "—";
  return usdFormat.format(usd);
}
