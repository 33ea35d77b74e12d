import "server-only";
import { getArchiveStore } from "@/lib/archive/archive-store";
import { openArchivedOrLive } from "@/lib/archive/serve";
import { getDb } from "@/lib/db";
import type { RunOutput } from "@/lib/flora/schemas";
import { describeError, log } from "@/lib/log";
import { openOutput, type OpenedOutput } from "@/lib/runs/output-download";

/**
 * How the download route opens a run's outputs: the archived copy when there is one (then
 * FLORA's URL is not fetched), else the hardened fetch of FLORA's URL.
 */
export async function outputOpener(runId: string): Promise<(output: RunOutput) => Promise<OpenedOutput>> {
  const deps = {
    db: await getDb(),
    store: getArchiveStore(),
    onArchiveError: (error: unknown) => log.warn("archive unreadable; fetching the output from FLORA", { runId, ...describeError(error) }),
  };
  return (output) => openArchivedOrLive(deps, runId, output, openOutput);
}
