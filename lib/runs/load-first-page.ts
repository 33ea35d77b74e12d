import "server-only";
import { listGenerations, listTechniqueRuns, loadDirectory } from "@/lib/flora/reads";
import { describeError, log } from "@/lib/log";
import { namesFrom } from "@/lib/runs/names";
import { generationToRow, techniqueRunToRow, type RunRow } from "@/lib/runs/run-row";

const FIRST_PAGE_SIZE = 50;

export interface FirstPage {
  rows: RunRow[];
  /** When the page was read, so relative times are relative to the read, not the render. */
  readAt: number;
}

/** The newest runs of one kind with names resolved, or null when FLORA could not be read. */
export async function loadFirstPage(kind: RunRow["kind"]): Promise<FirstPage | null> {
  try {
    if (kind === "generation") {
      const [page, directory] = await Promise.all([listGenerations({ limit: FIRST_PAGE_SIZE }), loadDirectory()]);
      const names = namesFrom(directory);
      return { rows: page.generations.map((run) => generationToRow(run, names)), readAt: Date.now() };
    }
    const [page, directory] = await Promise.all([listTechniqueRuns({ limit: FIRST_PAGE_SIZE }), loadDirectory()]);
    const names = namesFrom(directory);
    return { rows: page.technique_runs.map((run) => techniqueRunToRow(run, names)), readAt: Date.now() };
  } catch (error) {
    log.error(`first page of ${kind} runs: upstream read failed`, describeError(error));
    return null;
  }
}
