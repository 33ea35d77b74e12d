import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { subtractUsd } from "@/lib/usage/money-sum";
import type { CapStatus, UsageRow } from "@/lib/usage/report";

/**
 * The monthly caps (budget_caps: scope "team" or a user's id; no row, no cap) beside the
 * month's spend, and what is left under each. Read straight from the table, so the usage
 * view does not depend on how the budgets code reserves.
 */

type Db = Kysely<Database>;

export const TEAM_SCOPE = "team";

function status(scope: string, label: string, capUsd: number | null, spentUsd: number): CapStatus {
  return { scope, label, capUsd, spentUsd, leftUsd: capUsd === null ? null : Math.max(0, subtractUsd(capUsd, spentUsd)) };
}

/**
 * The team's cap against the team's spend, then each teammate's: everyone with a cap or
 * with spend (`teammates`: the month's rows by teammate, keyed by user id) when the whole
 * team is shown, or only `onlyUserId`.
 */
export async function capStatuses(
  db: Db,
  teamSpentUsd: number,
  teammates: UsageRow[],
  onlyUser: { id: string; email: string } | null,
): Promise<CapStatus[]> {
  const caps = new Map((await db.selectFrom("budget_caps").select(["scope", "monthly_usd"]).execute()).map((cap) => [cap.scope, cap.monthly_usd]));
  const result = [status(TEAM_SCOPE, "Team", caps.get(TEAM_SCOPE) ?? null, teamSpentUsd)];
  const spentBy = new Map(teammates.map((row) => [row.key, row]));

  if (onlyUser) {
    result.push(status(onlyUser.id, onlyUser.email, caps.get(onlyUser.id) ?? null, spentBy.get(onlyUser.id)?.spendUsd ?? 0));
    return result;
  }
  const cappedIds = [...caps.keys()].filter((scope) => scope !== TEAM_SCOPE);
  const capped = cappedIds.length
    ? await db.selectFrom("users").select(["id", "email"]).where("id", "in", cappedIds).execute()
    : [];
  const emails = new Map(capped.map((user) => [user.id, user.email]));
  for (const row of teammates) emails.set(row.key, row.label);
  const people = [...emails.entries()]
    // Launches of a removed teammate (`email:` keys) have no cap to show.
    .filter(([id]) => !id.startsWith("email:"))
    .sort(([, a], [, b]) => a.localeCompare(b));
  for (const [id, email] of people) result.push(status(id, email, caps.get(id) ?? null, spentBy.get(id)?.spendUsd ?? 0));
  return result;
}
