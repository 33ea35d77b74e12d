import "server-only";
import type { Kysely } from "kysely";
import type { Database, Launch } from "@/lib/db/schema";
import { listGenerations, listTechniqueRuns } from "@/lib/flora/reads";
import type { GenerationCreateResponse, Run } from "@/lib/flora/schemas";
import { linkedRunIds } from "@/lib/launches/launch-store";

/** FLORA's clock and ours may disagree a little. */
const CLOCK_SKEW_MS = 60_000;
const LOOK_BACK = 50;

/**
 * Finds the run an earlier attempt of this launch started, when FLORA answered a retry with
 * "duplicate idempotency key" and the first answer was lost. FLORA's lists carry no
 * idempotency key or prompt, so the match is the run of the same place (and model), not yet
 * linked to another launch, created closest to the moment the intent was recorded (within
 * a minute either way, for clocks that disagree).
 */
export async function findRunOfLaunch(
  db: Kysely<Database>,
  launch: Launch,
): Promise<GenerationCreateResponse | Run | null> {
  const since = launch.created_at - CLOCK_SKEW_MS;
  const until = launch.created_at + CLOCK_SKEW_MS;
  if (launch.kind === "generation") {
    const page = await listGenerations({
      workspace_id: launch.workspace_id ?? undefined,
      project_id: launch.project_id ?? undefined,
      limit: LOOK_BACK,
    });
    const candidates = page.generations.filter(
      (run) => run.created_at >= since && run.created_at <= until && (!launch.model || run.model?.model_id === launch.model),
    );
    const taken = await linkedRunIds(db, candidates.map((run) => run.run_id));
    const match = closestTo(launch.created_at, candidates.filter((run) => !taken.has(run.run_id)));
    if (!match) return null;
    return {
      run_id: match.run_id,
      type: "generation",
      charged_cost: match.charged_cost ?? launch.estimated_cost ?? 0,
      estimated_seconds: null,
      project_id: match.project_id,
      model: match.model?.model_id ? { model_id: match.model.model_id } : null,
    };
  }
  const page = await listTechniqueRuns({ technique_id: launch.technique_id ?? undefined, limit: LOOK_BACK });
  const candidates = page.technique_runs.filter((run) => run.created_at >= since && run.created_at <= until);
  const taken = await linkedRunIds(db, candidates.map((run) => run.run_id));
  const match = closestTo(launch.created_at, candidates.filter((run) => !taken.has(run.run_id)));
  if (!match) return null;
  const { technique: _technique, technique_run_id: _id, workspace_id: _ws, project_id: _prj, ...run } = match;
  return run;
}

function closestTo<T extends { created_at: number }>(moment: number, runs: T[]): T | undefined {
  return runs.reduce<T | undefined>(
    (best, run) => (!best || Math.abs(run.created_at - moment) < Math.abs(best.created_at - moment) ? run : best),
    undefined,
  );
}
