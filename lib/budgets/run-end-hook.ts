import "server-only";
import { settleEndedRuns } from "@/lib/budgets/settle";
import { getDb } from "@/lib/db";
import { whenRunEnds } from "@/lib/flora/cache/run-poll-cache";
import { describeError, log } from "@/lib/log";

/**
 * Settles a launch's money when the dashboard learns its run ended: the poll cache calls
 * this once per upstream read of a finished run (then serves it from memory for minutes),
 * and the store writes only for a launch not yet settled. Imported for its effect by the
 * modules that launch and read runs; registering twice replaces, never doubles.
 */
whenRunEnds("budgets", (run) => {
  void getDb()
    .then((db) => settleEndedRuns(db, [run]))
    .catch((error: unknown) => log.warn("could not settle a finished run's charge", { runId: run.run_id, ...describeError(error) }));
});
