import { queryStore } from "./store";

/** The budgets' view of the suite's store (read-only): what a UTC month holds against the team's cap. */
export function currentSpendMonth(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 7);
}

export async function teamMonthSpend(month = currentSpendMonth()): Promise<number> {
  const [row] = await queryStore<{ spent: number }>("select coalesce(sum(reserved_usd), 0) as spent from launches where spend_month = ?", [month]);
  return row!.spent;
}

/** Dollars as the users command takes them: exact to the micro-dollar, as the caps compare. */
export const usdArgument = (usd: number) => (Math.round(usd * 1_000_000) / 1_000_000).toFixed(6);
