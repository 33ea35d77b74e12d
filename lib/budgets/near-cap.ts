import "server-only";
import { cache } from "react";
import { budgetStatus } from "@/lib/budgets/status";
import { nearestCap, type CapStanding } from "@/lib/budgets/warning-text";
import { getDb } from "@/lib/db";
import { describeError, log } from "@/lib/log";

/**
 * The cap nearest its end for this teammate, if one is past the warning line: what the
 * header's badge and the launch forms' notice show. Read once per server render (React's
 * `cache`), so a launch page and its header share one read. A failed read warns nobody
 * rather than failing the page.
 */
export const nearCapFor = cache(async (userId: string): Promise<CapStanding | null> => {
  try {
    return nearestCap((await budgetStatus(await getDb(), userId)).caps);
  } catch (error) {
    log.warn("budget warning: read failed", describeError(error));
    return null;
  }
});
