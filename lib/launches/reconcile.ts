import "server-only";
import type { Kysely } from "kysely";
import type { Database, Launch } from "@/lib/db/schema";
import { listGenerations, listTechniqueRuns } from "@/lib/flora/reads";
import type { Generation, GenerationCreateResponse, Run, TechniqueRun } from "@/lib/flora/schemas";
import { confirmLaunch, linkedRunIds, unconfirmedLaunches } from "@/lib/launches/launch-store";
import { settleEndedRuns } from "@/lib/budgets/settle";

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
  if (launch.kind === "generation") {
    // Fresh, not the shared page: the run being looked for may be a second old.
    const page = await listGenerations(
      { workspace_id: launch.workspace_id ?? undefined, project_id: launch.project_id ?? undefined, limit: LOOK_BACK },
      { fresh: true },
    );
    const match = await closestUnlinked(db, launch, page.generations.filter((run) => generationFits(launch, run)));
    return match ? generationAnswer(launch, match) : null;
  }
  const page = await listTechniqueRuns({ technique_id: launch.technique_id ?? undefined, limit: LOOK_BACK }, { fresh: true });
  const match = await closestUnlinked(db, launch, page.technique_runs.filter((run) => techniqueRunFits(launch, run)));
  return match ? techniqueRunAnswer(match) : null;
}

const withinSkew = (launch: Launch, run: { created_at: number }) =>
  run.created_at >= launch.created_at - CLOCK_SKEW_MS && run.created_at <= launch.created_at + CLOCK_SKEW_MS;

function generationFits(launch: Launch, run: Generation): boolean {
  return (
    withinSkew(launch, run) &&
    (!launch.workspace_id || run.workspace_id === launch.workspace_id) &&
    (!launch.project_id || run.project_id === launch.project_id) &&
    (!launch.model || run.model?.model_id === launch.model)
  );
}

function techniqueRunFits(launch: Launch, run: TechniqueRun): boolean {
  return withinSkew(launch, run) && (!launch.technique_id || run.technique.technique_id === launch.technique_id);
}

async function closestUnlinked<T extends { run_id: string; created_at: number }>(db: Kysely<Database>, launch: Launch, candidates: T[]) {
  const taken = await linkedRunIds(db, candidates.map((run) => run.run_id));
  return closestTo(launch.created_at, candidates.filter((run) => !taken.has(run.run_id)));
}

function generationAnswer(launch: Launch, match: Generation): GenerationCreateResponse {
  return {
    run_id: match.run_id,
    type: "generation",
    // Without a charge on the list, the launch keeps what it holds rather than freeing it.
    charged_cost: match.charged_cost ?? launch.estimated_cost ?? launch.reserved_usd,
    estimated_seconds: null,
    project_id: match.project_id,
    model: match.model?.model_id ? { model_id: match.model.model_id } : null,
  };
}

function techniqueRunAnswer(match: TechniqueRun): Run {
  const { technique: _technique, technique_run_id: _id, workspace_id: _ws, project_id: _prj, ...run } = match;
  return run;
}

/**
 * Completes launches whose answer was lost (unconfirmed) from a history page the dashboard
 * read anyway: no extra upstream call. Each is matched by the same rule as above, oldest
 * launch first, and a run is claimed once.
 */
export async function settleFromHistory(
  db: Kysely<Database>,
  page: { kind: "generation"; runs: Generation[] } | { kind: "technique"; runs: TechniqueRun[] },
  now = Date.now(),
): Promise<number> {
  if (page.runs.length === 0) return 0;
  const open = await unconfirmedLaunches(db, page.kind, now);
  let settled = 0;
  for (const launch of open) {
    const answer =
      page.kind === "generation"
        ? await closestUnlinked(db, launch, page.runs.filter((run) => generationFits(launch, run))).then((run) => run && generationAnswer(launch, run))
        : await closestUnlinked(db, launch, page.runs.filter((run) => techniqueRunFits(launch, run))).then((run) => run && techniqueRunAnswer(run));
    if (!answer) continue;
    await confirmLaunch(db, launch.id, { runId: answer.run_id, response: answer, estimatedCost: answer.charged_cost ?? null });
    settled += 1;
  }
  // The page also tells which recorded runs have ended: their charges become final.
  await settleEndedRuns(db, page.runs, now);
  return settled;
}

function closestTo<T extends { created_at: number }>(moment: number, runs: T[]): T | undefined {
  return runs.reduce<T | undefined>(
    (best, run) => (!best || Math.abs(run.created_at - moment) < Math.abs(best.created_at - moment) ? run : best),
    undefined,
  );
}
