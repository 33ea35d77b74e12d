import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { refreshRun, refreshTechniqueRun } from "@/lib/flora/reads";
import type { Run } from "@/lib/flora/schemas";
import { launchesForRuns } from "@/lib/launches/launch-store";
import { publishRunChange, type RunChange } from "@/lib/runs/run-events";
import type { FloraWebhookEvent } from "@/lib/webhooks/webhook-event";
import { log } from "@/lib/log";
// A finished run read here settles its launch's charge (budgets), as a poll's would.
import "@/lib/budgets/run-end-hook";

export type ActOutcome = { acted: true; run: Run } | { acted: false; reason: "unknown_technique_run" };

/**
 * What a verified, new delivery does. The webhook says a run ended but carries no outputs,
 * so one read of the run confirms it: through the poll cache, replacing whatever it held,
 * which tells the run-end listeners (lib/budgets settles the launch, lib/archive copies the
 * outputs). Then watchers hear of it. A technique run is read under its technique, which
 * only the launch record knows: one the dashboard did not launch is acknowledged, not read.
 * An upstream failure is thrown, for the caller to give the delivery back.
 */
export async function actOnEvent(
  db: Kysely<Database>,
  event: FloraWebhookEvent,
  publish: (change: RunChange) => void = publishRunChange,
): Promise<ActOutcome> {
  const { run_id: runId, run_type: kind } = event.data;
  let techniqueId: string | null = null;
  if (kind === "technique") {
    techniqueId = (await launchesForRuns(db, [runId])).get(runId)?.technique_id ?? null;
    if (!techniqueId) {
      log.info("webhook for a technique run the dashboard did not launch: acknowledged, not read", { runId, eventId: event.id });
      return { acted: false, reason: "unknown_technique_run" };
    }
  }
  const run = techniqueId ? await refreshTechniqueRun(techniqueId, runId) : await refreshRun(runId);
  publish({ run_id: run.run_id, status: run.status, kind, technique_id: techniqueId, at: Date.now() });
  return { acted: true, run };
}
