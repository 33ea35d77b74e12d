import Database from "better-sqlite3";

/** The budgets' view of the suite's store (read-only): what a UTC month holds against the team's cap. */
export function currentSpendMonth(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 7);
}

export function teamMonthSpend(month = currentSpendMonth()): number {
  const file = (process.env.E2E_DATABASE_URL ?? "").replace(/^file:/, "");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select coalesce(sum(reserved_usd), 0) as spent from launches where spend_month = ?").get(month) as { spent: number };
    return row.spent;
  } finally {
    db.close();
  }
}

/** Dollars as the users command takes them: exact to the micro-dollar, as the caps compare. */
export const usdArgument = (usd: number) => (Math.round(usd * 1_000_000) / 1_000_000).toFixed(6);
