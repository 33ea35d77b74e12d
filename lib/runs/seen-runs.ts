/**
 * Where runs belong, as the history lists showed them: GET /runs/{runId} does not say which
 * workspace, project or model a run is from, but every list page does. Remembering what the
 * lists showed lets a run page name them without another upstream call. Bounded by
 * lru-cache: the least recently seen or asked-for runs go first.
 */

import { LRUCache } from "lru-cache";
import type { Generation, TechniqueRun } from "@/lib/flora/schemas";

export interface SeenRun {
  workspaceId: string;
  projectId: string;
  modelId: string | null;
  techniqueId: string | null;
  techniqueName: string | null;
}

const MAX_ENTRIES = 20_000;
const globalSeen = globalThis as typeof globalThis & { __atelierSeenRuns?: LRUCache<string, SeenRun> };

function seen(): LRUCache<string, SeenRun> {
  globalSeen.__atelierSeenRuns ??= new LRUCache<string, SeenRun>({ max: MAX_ENTRIES });
  return globalSeen.__atelierSeenRuns;
}

export function rememberRuns(runs: Iterable<[runId: string, run: SeenRun]>): void {
  const memory = seen();
  for (const [runId, run] of runs) memory.set(runId, run);
}

export function seenRun(runId: string): SeenRun | undefined {
  return seen().get(runId);
}

export function rememberGenerations(runs: Generation[]): void {
  rememberRuns(
    runs.map((run) => [
      run.run_id,
      { workspaceId: run.workspace_id, projectId: run.project_id, modelId: run.model?.model_id ?? null, techniqueId: null, techniqueName: null },
    ]),
  );
}

export function rememberTechniqueRuns(runs: TechniqueRun[]): void {
  rememberRuns(
    runs.map((run) => [
      run.run_id,
      {
        workspaceId: run.workspace_id,
        projectId: run.project_id,
        modelId: null,
        techniqueId: run.technique.technique_id,
        techniqueName: run.technique.name || null,
      },
    ]),
  );
}
