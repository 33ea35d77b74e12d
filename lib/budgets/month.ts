/**
 * Budgets count money by calendar month in UTC ("2026-11"): every server, whatever its
 * time zone, puts a launch in the same month, and a month starts at 00:00 UTC on the 1st.
 */
export function spendMonth(now: number): string {
  const date = new Date(now);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * Money compared in whole micro-dollars: sums of float dollars drift (0.2 + 0.2 + 0.2 is
 * 0.6000000000000001), and a cap that fits three $0.20 runs must let the third one in.
 */
export const toMicros = (usd: number): number => Math.round(usd * 1_000_000);
export const fromMicros = (micros: number): number => micros / 1_000_000;
