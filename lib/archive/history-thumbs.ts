import "server-only";
import type { Kysely } from "kysely";
import { thumbHref } from "@/lib/archive/hrefs";
import { archivedOutputsOfRuns } from "@/lib/archive/records";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import type { HistoryRun } from "@/lib/history/history-run";
import { describeError, log } from "@/lib/log";

/**
 * Adds the archive's thumbnails of each run's first output to a history page: one query
 * for the page. A store that cannot answer leaves the page as it was (full-size previews).
 */
export async function withThumbs(runs: HistoryRun[], db?: Kysely<Database>): Promise<HistoryRun[]> {
  const firsts = runs.filter((run) => !run.launchState && run.outputs[0] && run.outputs[0].type !== "text");
  if (firsts.length === 0) return runs;
  let byRun;
  try {
    byRun = await archivedOutputsOfRuns(db ?? (await getDb()), firsts.map((run) => run.runId));
  } catch (error) {
    log.warn("history: archive thumbnails unavailable", describeError(error));
    return runs;
  }
  return runs.map((run) => {
    const first = run.outputs[0];
    const record = first && byRun.get(run.runId)?.find((row) => row.output_id === first.output_id);
    if (!first || !record?.thumb_row_key || !record.thumb_grid_key) return run;
    return { ...run, thumb: { row: thumbHref(run.runId, first.output_id, "row"), grid: thumbHref(run.runId, first.output_id, "grid") } };
  });
}
