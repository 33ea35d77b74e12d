import "server-only";
import { getDb } from "@/lib/db";
import { listGenerations, listTechniqueRuns } from "@/lib/flora/reads";
import { toFloraQuery, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";
import { generationToHistoryRun, techniqueRunToHistoryRun, type HistoryPage, type HistoryRun } from "@/lib/history/history-run";
import { launchesForRuns } from "@/lib/launches/launch-store";
import { settleFromHistory } from "@/lib/launches/reconcile";
import { describeError, log } from "@/lib/log";
import { rememberGenerations, rememberTechniqueRuns } from "@/lib/runs/seen-runs";

export const HISTORY_PAGE_SIZE = 50;

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
  const launches = await launchesForRuns(await getDb(), runs.map((run) => run.runId));
  return {
    runs: runs.map((run) => {
      const launch = launches.get(run.runId);
      return launch ? { ...run, prompt: launch.prompt, launchedBy: launch.user_email } : run;
    }),
    nextCursor,
  };
}
