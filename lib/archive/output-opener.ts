import "server-only";
import { getArchiveStore } from "@/lib/archive/archive-store";
import { openArchivedOrLive, type ServedOutput } from "@/lib/archive/serve";
import { getDb } from "@/lib/db";
import type { RunOutput } from "@/lib/flora/schemas";
import { describeError, log } from "@/lib/log";
import { openOutput } from "@/lib/runs/output-download";

/** Opens one output of a run; `range` (a Range header) is honoured for an archived copy. */
export type OutputOpener = (output: RunOutput, range?: string | null) => Promise<ServedOutput>;

/**
 * How the download route opens a run's outputs: the archived copy when there is one (then
 * FLORA's URL is not fetched), else the hardened fetch of FLORA's URL.
 */
export async function outputOpener(runId: string): Promise<OutputOpener> {
  const deps = {
    db: await getDb(),
    store: getArchiveStore(),
    onArchiveError: (error: unknown) => log.warn("archive unreadable; fetching the output from FLORA", { runId, ...describeError(error) }),
  };
  return (output, range = null) => openArchivedOrLive(deps, runId, output, openOutput, range);
}
