import "server-only";
import type { Kysely } from "kysely";
import { archiveOutput } from "@/lib/archive/archive-output";
import { getArchiveStore } from "@/lib/archive/archive-store";
import { createArchiveQueue } from "@/lib/archive/queue";
import { startArchiveRetention } from "@/lib/archive/retention";
import type { Database } from "@/lib/db/schema";
import type { Env } from "@/lib/env-schema";
import type { Run } from "@/lib/flora/schemas";
import { whenRunEnds } from "@/lib/flora/cache/run-poll-cache";
import { linkedRunIds } from "@/lib/launches/launch-store";
import { describeError, log } from "@/lib/log";
import { openOutput } from "@/lib/runs/output-download";

type ArchiveMode = Env["ARCHIVE_RUNS"];

/** Whether ARCHIVE_RUNS wants this finished run: "launched" asks the store for its launch. */
export async function wantsArchive(db: Kysely<Database>, mode: ArchiveMode, run: Pick<Run, "run_id" | "status" | "outputs">): Promise<boolean> {
  if (mode === "none" || run.status !== "completed" || !run.outputs?.length) return false;
  if (mode === "all") return true;
  return (await linkedRunIds(db, [run.run_id])).has(run.run_id);
}

/**
 * Server start (instrumentation-node.ts): when a read of FLORA finds a run completed, its
 * outputs are queued for the archive if ARCHIVE_RUNS says so; and ARCHIVE_RETENTION_DAYS,
 * when set, starts the prune. Registering again replaces the listener.
 */
export function startArchiving(db: Kysely<Database>, env: Pick<Env, "ARCHIVE_RUNS" | "ARCHIVE_RETENTION_DAYS">): void {
  const store = getArchiveStore();
  if (env.ARCHIVE_RETENTION_DAYS) startArchiveRetention(db, store, env.ARCHIVE_RETENTION_DAYS);
  if (env.ARCHIVE_RUNS === "none") return;
  const queue = createArchiveQueue({
    archive: (runId, output) => archiveOutput({ db, store, open: openOutput }, runId, output),
    onGiveUp: (runId, output, error) => log.warn("could not archive an output", { runId, output: output.output_id, ...describeError(error) }),
  });
  whenRunEnds("archive", (run) => {
    void wantsArchive(db, env.ARCHIVE_RUNS, run)
      .then((wanted) => wanted && queue.enqueue(run.run_id, run.outputs ?? []))
      .catch((error: unknown) => log.warn("could not queue a run for the archive", { runId: run.run_id, ...describeError(error) }));
  });
}
