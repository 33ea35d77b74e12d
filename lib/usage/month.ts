import { z } from "zod";
import { spendMonth } from "@/lib/budgets/month";

/**
 * Calendar months and days in UTC, the unit budgets count in ("2026-11"). Pure, so the
 * server page, the API, the export and the tests agree on where a month starts and ends.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const monthSchema = z.string().regex(MONTH_PATTERN, "must be a month written YYYY-MM, like 2026-11");
export type Month = z.infer<typeof monthSchema>;

/** The UTC month a moment (unix ms) falls in: the budgets' own rule, so both agree. */
export const monthOf: (timeMs: number) => Month = spendMonth;

/** The UTC day ("2026-11-03") a moment falls in. */
export function dayOf(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(0, 10);
}

/** [start, end) of a month in unix ms: the first millisecond of its 1st, of the next month's 1st. */
export function monthRange(month: Month): { start: number; end: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { start: Date.UTC(year, index, 1), end: Date.UTC(year, index + 1, 1) };
}

/** Every UTC day of a month, in order, so a day chart shows the quiet days too. */
export function daysOf(month: Month): string[] {
  const { start, end } = monthRange(month);
  const days: string[] = [];
  for (let at = start; at < end; at += 86_400_000) days.push(dayOf(at));
  return days;
}

/** "November 2026". */
export function monthLabel(month: Month): string {
  return new Date(monthRange(month).start).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}
