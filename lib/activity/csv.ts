import type { ActivityEntryView } from "@/lib/activity/contract";
import { activityKindLabel } from "@/lib/activity/kinds";

/**
 * CSV for the activity export (RFC 4180: CRLF rows, quotes doubled). Subjects and details
 * hold what people typed (a failed sign-in's email, a token's name), so a cell that a
 * spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) is
 * prefixed with an apostrophe and stays text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: Array<string | number | null | undefined>) => `${cells.map(csvCell).join(",")}\r\n`;

export const ACTIVITY_CSV_HEADER = csvRow(["time_utc", "kind", "what", "who", "who_id", "subject", "details"]);

export function activityCsvRow(entry: ActivityEntryView): string {
  return csvRow([
    entry.at,
    entry.kind,
    activityKindLabel(entry.kind),
    entry.actor?.email,
    entry.actor?.id,
    entry.subject,
    entry.detail ? JSON.stringify(entry.detail) : null,
  ]);
}
