import "server-only";
import { getDb } from "@/lib/db";
import type { Technique } from "@/lib/flora/schemas";
import { listGenerations, listTechniqueRuns, loadModels, loadTechnique } from "@/lib/flora/reads";
import { toFloraQuery, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";
import { generationToHistoryRun, techniqueRunToHistoryRun, type HistoryPage, type HistoryRun } from "@/lib/history/history-run";
import { nameHistoryRuns } from "@/lib/history/name-runs";
import { launchesForRuns } from "@/lib/launches/launch-store";
import { settleFromHistory } from "@/lib/launches/reconcile";
import { describeError, log } from "@/lib/log";
import { rememberGenerations, rememberTechniqueRuns } from "@/lib/runs/seen-runs";

export const HISTORY_PAGE_SIZE = 50;

/** A page names at most this many distinct techniques (each remembered for a minute). */
const MAX_TECHNIQUES_NAMED = 10;

/** Names are a nicety: an unreadable catalogue leaves ids, never a failed page. */
async function bestEffort<T>(what: string, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    log.warn(`history: ${what} unavailable, ids shown`, describeError(error));
    return null;
  }
}

/** Model and technique names for a page of rows (the search rows reuse it). */
export async function nameRuns(kind: HistoryKind, runs: HistoryRun[]): Promise<HistoryRun[]> {
  if (kind === "generation") return nameHistoryRuns(runs, await bestEffort("models", loadModels), new Map());
  const ids = [...new Set(runs.map((run) => run.techniqueId).filter((id): id is string => id !== null))].slice(0, MAX_TECHNIQUES_NAMED);
  const techniques = new Map<string, Technique>();
  await Promise.all(
    ids.map(async (id) => {
      const technique = await bestEffort(`technique ${id}`, () => loadTechnique(id));
      if (technique) techniques.set(id, technique);
    }),
  );
  return nameHistoryRuns(runs, null, techniques);
}

/** A launch whose answer was lost is completed from the page, if its run is on it; never fatal. */
async function settleLostLaunches(page: Parameters<typeof settleFromHistory>[1]) {
  try {
    const settled = await settleFromHistory(await getDb(), page);
    if (settled > 0) log.info("lost launches completed from history", { settled });
  } catch (error) {
    log.warn("could not complete lost launches from history", describeError(error));
  }
}

/** One page of history from FLORA, with the prompt and launcher the local store knows. */
export async function loadHistoryPage(
  kind: HistoryKind,
  filters: HistoryFilters,
  cursor: string | undefined,
  limit = HISTORY_PAGE_SIZE,
): Promise<HistoryPage> {
  const query = { ...toFloraQuery(filters), limit, ...(cursor && { cursor }) };
  let runs: HistoryRun[];
  let nextCursor: string | null;
  if (kind === "generation") {
    const { technique_id: _ignored, ...generationQuery } = query;
    const page = await listGenerations(generationQuery);
    runs = page.generations.map(generationToHistoryRun);
    rememberGenerations(page.generations);
    await settleLostLaunches({ kind: "generation", runs: page.generations });
    nextCursor = page.meta.next_cursor ?? null;
  } else {
    const page = await listTechniqueRuns(query);
    runs = page.technique_runs.map(techniqueRunToHistoryRun);
    rememberTechniqueRuns(page.technique_runs);
    await settleLostLaunches({ kind: "technique", runs: page.technique_runs });
    nextCursor = page.meta.next_cursor ?? null;
  }
  const [launches, named] = await Promise.all([launchesForRuns(await getDb(), runs.map((run) => run.runId)), nameRuns(kind, runs)]);
  runs = named;
  return {
    runs: runs.map((run) => {
      const launch = launches.get(run.runId);
      return launch ? { ...run, prompt: launch.prompt, launchedBy: launch.user_email, ...(launch.token_name && { viaToken: launch.token_name }) } : run;
    }),
    nextCursor,
  };
}
