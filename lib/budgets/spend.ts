import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { fromMicros } from "@/lib/budgets/month";

/**
 * What a month holds against a cap: the sum of its launches' `reserved_usd` (estimates of
 * launches in flight or lost, charges of answered ones), the team's over everyone's
 * launches, a teammate's over theirs. Read from the running total `budget_spend`, which
 * triggers keep in step with the launches (lib/db/migrations/0007-budget-spend.ts): one
 * row, however many launches the month holds.
 */
export async function monthSpend(db: Kysely<Database>, month: string, scope: string): Promise<number> {
  const row = await db.selectFrom("budget_spend").select("reserved_micros").where("month", "=", month).where("scope", "=", scope).executeTakeFirst();
  return fromMicros(Number(row?.reserved_micros ?? 0));
}
