import "server-only";
import { getDb } from "@/lib/db";
import type { Launch } from "@/lib/db/schema";
import { getRun, getTechniqueRun, loadTechnique } from "@/lib/flora/reads";
import type { Run } from "@/lib/flora/schemas";
import { ApiError } from "@/lib/errors/api-error";
import type { HistoryFilters, HistoryKind } from "@/lib/history/filters";
import type { HistoryPage, HistoryRun } from "@/lib/history/history-run";
import { nameRuns } from "@/lib/history/load-history-page";
import { describeError, log } from "@/lib/log";
import { seenRun } from "@/lib/runs/seen-runs";
import { launchToHistoryRun } from "@/lib/search/launch-row";
import { LaunchCursorError, searchLaunches } from "@/lib/search/search-launches";

/**
 * Smaller than the history's 50: each row's state is one run read from FLORA (coalesced, and
 * a finished run is remembered ten minutes), so a search page costs the team's key at most this.
 */
export const SEARCH_PAGE_SIZE = 20;
/** Run reads in flight at once for one page. */
const READS_AT_ONCE = 4;

async function readRunOf(launch: Launch): Promise<Run | null> {
  if (!launch.run_id) return null;
  try {
    return launch.kind === "technique" && launch.technique_id ? await getTechniqueRun(launch.technique_id, launch.run_id) : await getRun(launch.run_id);
  } catch (error) {
    // A row without FLORA's state still shows what the store knows; its live poll asks again.
    log.warn("search: a run could not be read", { runId: launch.run_id, ...describeError(error) });
    return null;
  }
}

async function readRuns(launches: Launch[]): Promise<Array<Run | null>> {
  const runs: Array<Run | null> = new Array(launches.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < launches.length) {
      const index = next++;
      runs[index] = await readRunOf(launches[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, launches.length) }, worker));
  return runs;
}

/** A technique launch's row is titled by the technique's name (the catalogue is remembered a minute). */
async function titleTechniques(rows: HistoryRun[]): Promise<HistoryRun[]> {
  const ids = [...new Set(rows.filter((row) => row.techniqueId && row.title === row.techniqueId).map((row) => row.techniqueId!))];
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const technique = await loadTechnique(id).catch(() => null);
      if (technique?.name) names.set(id, technique.name);
    }),
  );
  return rows.map((row) => (row.techniqueId && names.has(row.techniqueId) && row.title === row.techniqueId ? { ...row, title: names.get(row.techniqueId)! } : row));
}

/**
 * One page of prompt search / "Launched by" results, as history rows: from the store (the
 * only place prompts and launchers live), best match first with words, newest first without.
 */
export async function loadSearchPage(
  kind: HistoryKind,
  filters: HistoryFilters,
  cursor: string | undefined,
  viewerId: string,
  limit = SEARCH_PAGE_SIZE,
): Promise<HistoryPage> {
  const db = await getDb();
  let page;
  try {
    page = await searchLaunches(db, {
      kind,
      text: filters.q,
      userId: filters.by === "me" ? viewerId : filters.by,
      workspaceId: filters.workspace,
      projectId: filters.project,
      techniqueId: kind === "technique" ? filters.technique : undefined,
      cursor,
      limit,
    });
  } catch (error) {
    if (error instanceof LaunchCursorError) {
      throw new ApiError("input_validation_error", "The cursor is not one this search gave out.", [{ field: "cursor", message: error.message }]);
    }
    throw error;
  }
  const runs = await readRuns(page.launches);
  const rows = page.launches.map((launch, index) => launchToHistoryRun(launch, runs[index] ?? null, launch.run_id ? seenRun(launch.run_id) : undefined));
  return { runs: await titleTechniques(await nameRuns(kind, rows)), nextCursor: page.nextCursor };
}
