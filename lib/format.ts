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

/** Under this age a time reads "just now"; also absorbs clock skew between FLORA and the browser. */
const JUST_NOW = 10_000;

/**
 * "3 minutes ago", "yesterday" relative to `now` (both unix ms). Never in the future: a
 * timestamp ahead of `now` (a server clock a little ahead of the viewer's) reads "just now".
 */
export function formatRelativeTime(timestampMs: number, now: number): string {
  const delta = Math.min(0, timestampMs - now);
  const size = -delta;
  if (size < JUST_NOW) return "just now";
  if (size < MINUTE) return relativeFormat.format(Math.round(delta / 1000), "second");
  if (size < HOUR) return relativeFormat.format(Math.round(delta / MINUTE), "minute");
  if (size < DAY) return relativeFormat.format(Math.round(delta / HOUR), "hour");
  if (size < 30 * DAY) return relativeFormat.format(Math.round(delta / DAY), "day");
  return relativeFormat.format(Math.round(delta / (30 * DAY)), "month");
}

/** "22 Nov 2026, 18:43:05 UTC": the hover text beside every local time, and the server's render. */
export function formatAbsoluteTime(timestampMs: number): string {
  return `${absoluteFormat.format(new Date(timestampMs))} UTC`;
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "22 Nov 2026, 13:43:05 EST": the time in `timeZone` (default: this runtime's own zone, the
 * viewer's in a browser) with the zone's short name, so a reader never has to guess.
 */
export function formatLocalTime(timestampMs: number, timeZone?: string): string {
  const key = timeZone ?? "";
  let format = localFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
      timeZone,
    });
    localFormats.set(key, format);
  }
  return format.format(new Date(timestampMs));
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
