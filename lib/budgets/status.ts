import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { capsFor, TEAM_SCOPE } from "@/lib/budgets/caps";
import { fromMicros, spendMonth, toMicros } from "@/lib/budgets/month";
import { monthSpend } from "@/lib/budgets/spend";
import type { CapStanding } from "@/lib/budgets/warning-text";

export interface BudgetStatus {
  month: string;
  /** Per cap: `ratio` is spent / cap, and 1 or more is the cap reached (a $0 cap is reached at once). */
  caps: CapStanding[];
}

export async function budgetStatus(db: Kysely<Database>, userId: string, now = Date.now()): Promise<BudgetStatus> {
  const month = spendMonth(now);
  const caps = await capsFor(db, userId);
  const statuses = await Promise.all(
    caps.map(async (cap): Promise<CapStanding> => {
      const spent = fromMicros(toMicros(await monthSpend(db, month, cap.scope)));
      const left = fromMicros(Math.max(0, toMicros(cap.monthly_usd) - toMicros(spent)));
      return { scope: cap.scope === TEAM_SCOPE ? "team" : "user", cap: cap.monthly_usd, spent, left, ratio: cap.monthly_usd > 0 ? Math.round((spent / cap.monthly_usd) * 10_000) / 10_000 : 1 };
    }),
  );
  // The teammate's own cap first.
  return { month, caps: statuses.sort((a, b) => (a.scope === "team" ? 1 : 0) - (b.scope === "team" ? 1 : 0)) };
}
