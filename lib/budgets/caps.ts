import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";

/**
 * Monthly caps in USD: one row a cap, its scope "team" or a user's id. No row, no cap.
 */
type Db = Kysely<Database>;

export const TEAM_SCOPE = "team";

/** Largest cap accepted: a typo of a few zeros is refused rather than taken as "no limit". */
export const MAX_CAP_USD = 1_000_000;

/** A cap in dollars: 0 or more, at most MAX_CAP_USD, cents and fractions of a cent allowed. */
export const capUsdSchema = z
  .number({ error: "must be a number of US dollars" })
  .finite("must be a number of US dollars")
  .min(0, "must be 0 or more")
  .max(MAX_CAP_USD, `must be at most ${MAX_CAP_USD}`);

/** The budget routes' body: a cap in USD, or null to remove it. */
export const capBodySchema = z.object({ monthly_usd: capUsdSchema.nullable() }).strict();

/** The users command's USD argument: "none" removes the cap, otherwise a plain decimal ("25", "12.50"). */
export const capArgumentSchema = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text.toLowerCase() === "none") return null;
    if (!/^\d+(\.\d{1,6})?$/.test(text)) {
      context.addIssue({ code: "custom", message: `"${text}" is not an amount: give US dollars such as 25 or 12.50, or none.` });
      return z.NEVER;
    }
    return Number(text);
  })
  .pipe(capUsdSchema.nullable());

export interface CapRow {
  scope: string;
  monthly_usd: number;
}

/** The caps that apply to a user's launches: theirs and the team's. */
export function capsFor(db: Db, userId: string): Promise<CapRow[]> {
  return db.selectFrom("budget_caps").select(["scope", "monthly_usd"]).where("scope", "in", [TEAM_SCOPE, userId]).execute();
}

/** Every user's cap, by user id (the team's under "team"). */
export async function allCaps(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom("budget_caps").select(["scope", "monthly_usd"]).execute();
  return new Map(rows.map((row) => [row.scope, row.monthly_usd]));
}

/** Sets (or with null removes) a cap; returns the cap it replaced, null when there was none. */
export async function setCap(db: Db, scope: string, monthlyUsd: number | null, updatedBy: string | null, now = Date.now()): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("budget_caps").select("monthly_usd").where("scope", "=", scope).executeTakeFirst();
    if (monthlyUsd === null) {
      await trx.deleteFrom("budget_caps").where("scope", "=", scope).execute();
    } else {
      await trx
        .insertInto("budget_caps")
        .values({ scope, monthly_usd: monthlyUsd, updated_at: now, updated_by: updatedBy })
        .onConflict((conflict) => conflict.column("scope").doUpdateSet({ monthly_usd: monthlyUsd, updated_at: now, updated_by: updatedBy }))
        .execute();
    }
    return before?.monthly_usd ?? null;
  });
}
