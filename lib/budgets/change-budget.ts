import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { ChangedBy } from "@/lib/activity/user-changes";
import type { Database } from "@/lib/db/schema";
import { setCap, TEAM_SCOPE } from "@/lib/budgets/caps";

/**
 * Sets or removes a monthly cap and records it ("budget_changed": whose cap, from, to, and
 * where the change came from). Shared by the admin routes and the users command.
 */
export async function changeBudget(
  db: Kysely<Database>,
  target: { scope: typeof TEAM_SCOPE } | { scope: string; email: string },
  monthlyUsd: number | null,
  by: ChangedBy,
  now = Date.now(),
): Promise<{ from: number | null; to: number | null }> {
  const from = await setCap(db, target.scope, monthlyUsd, by.actor?.id ?? null, now);
  await recordActivity(
    db,
    {
      kind: "budget_changed",
      actor: by.actor,
      subject: "email" in target ? target.email : TEAM_SCOPE,
      detail: { scope: "email" in target ? "user" : "team", from_usd: from, to_usd: monthlyUsd, via: by.via },
    },
    now,
  );
  return { from, to: monthlyUsd };
}

/** "$25.00 a month" or "no cap", as the command and the page say it. */
export const describeCap = (usd: number | null) =>
  usd === null ? "no cap" : `${new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 4 }).format(usd)} a month`;
