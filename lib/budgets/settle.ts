import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { isTerminalStatus, type RunStatusValue } from "@/lib/flora/run-status";

/**
 * The second settlement: when a run ends, what it holds becomes FLORA's final charge. A
 * failed run that FLORA did not charge (charged_cost 0 or absent) frees its money; a
 * completed run without a charge keeps what it holds. Each launch is settled once
 * (`cost_final_at`), so polls of a finished run write nothing more.
 */
type Db = Kysely<Database>;

export interface EndedRun {
  run_id: string;
  status: RunStatusValue;
  charged_cost?: number | null;
}

/** The final charge of a finished run; null when FLORA did not say (keep what is held). */
export function finalCharge(run: EndedRun): number | null {
  if (run.status === "failed") return run.charged_cost ?? 0;
  return run.charged_cost ?? null;
}

/** Settles the launches of these runs that just ended; returns how many it settled. */
export async function settleEndedRuns(db: Db, runs: EndedRun[], now = Date.now()): Promise<number> {
  const ended = new Map(runs.filter((run) => isTerminalStatus(run.status)).map((run) => [run.run_id, run]));
  if (ended.size === 0) return 0;
  // One read finds which of them the store still holds open; most pages hold none.
  const open = await db
    .selectFrom("launches")
    .select(["id", "run_id"])
    .where("run_id", "in", [...ended.keys()])
    .where("cost_final_at", "is", null)
    .execute();
  for (const launch of open) {
    const charge = finalCharge(ended.get(launch.run_id!)!);
    await db
      .updateTable("launches")
      .set(charge === null ? { cost_final_at: now } : { reserved_usd: charge, charged_usd: charge, cost_final_at: now })
      .where("id", "=", launch.id)
      .where("cost_final_at", "is", null)
      .execute();
  }
  return open.length;
}
