import "server-only";
import { getDb } from "@/lib/db";
import type { Launch } from "@/lib/db/schema";
import { listGenerations, listTechniqueRuns, loadDirectory, loadModels, loadTechnique } from "@/lib/flora/reads";
import { answerFacts, parseRecordedJson } from "@/lib/launches/launch-record";
import { launchesForRuns } from "@/lib/launches/launch-store";
import { log, describeError } from "@/lib/log";
import { rememberGenerations, rememberTechniqueRuns, seenRun, type SeenRun } from "@/lib/runs/seen-runs";
import type { RunContext, RunRef } from "@/lib/runs/run-ref";

/**
 * What a run page says about a run beyond GET /runs/{runId}: where it belongs and what made
 * it (by name), how long it should take, and, when the dashboard launched it, the record of
 * who launched it with which prompt and params. Every part is best effort: a missing name
 * shows as unknown, never as a broken page.
 */

/** One list page is read to place a run nobody has seen yet: links are mostly to recent runs. */
const LOOKUP_PAGE_SIZE = 100;

const safely = async <T>(what: string, load: () => Promise<T>): Promise<T | null> => {
  try {
    return await load();
  } catch (error) {
    log.warn(`run context: ${what} unavailable`, describeError(error));
    return null;
  }
};

async function findPlacement(ref: RunRef, launch: Launch | undefined, answeredModelId: string | null): Promise<SeenRun | null> {
  if (launch?.workspace_id && launch.project_id) {
    return {
      workspaceId: launch.workspace_id,
      projectId: launch.project_id,
      modelId: launch.model ?? answeredModelId,
      techniqueId: launch.technique_id,
      techniqueName: null,
    };
  }
  const seen = seenRun(ref.runId);
  if (seen) return seen;
  await safely("recent runs", async () => {
    if (ref.kind === "generation") {
      rememberGenerations((await listGenerations({ limit: LOOKUP_PAGE_SIZE })).generations);
    } else if (ref.techniqueId) {
      rememberTechniqueRuns((await listTechniqueRuns({ technique_id: ref.techniqueId, limit: LOOKUP_PAGE_SIZE })).technique_runs);
    }
  });
  return seenRun(ref.runId) ?? null;
}

/** Params as recorded: a model's params object, or a technique's [{ id, value }] inputs by id. */
function recordedValues(paramsJson: string | null): Record<string, unknown> | null {
  const parsed = parseRecordedJson(paramsJson);
  if (Array.isArray(parsed)) {
    const byId: Record<string, unknown> = {};
    for (const input of parsed as Array<{ id?: unknown; value?: unknown }>) {
      if (typeof input?.id !== "string") continue;
      const previous = byId[input.id];
      byId[input.id] = previous === undefined ? input.value : [...(Array.isArray(previous) ? previous : [previous]), input.value];
    }
    return byId;
  }
  return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
}

function launchView(launch: Launch): NonNullable<RunContext["launch"]> {
  return {
    kind: launch.kind,
    prompt: launch.prompt,
    params: recordedValues(launch.params_json),
    type: launch.type,
    model: launch.model,
    launchedBy: launch.user_email,
    viaToken: launch.token_name,
    launchedAt: launch.created_at,
    status: launch.status,
  };
}

export async function loadRunContext(ref: RunRef): Promise<RunContext> {
  const launch = (await safely("launch record", async () => (await launchesForRuns(await getDb(), [ref.runId])).get(ref.runId))) ?? undefined;
  const answer = answerFacts(parseRecordedJson(launch?.response_json ?? null));
  const [placement, directory] = await Promise.all([findPlacement(ref, launch, answer.modelId), safely("names", () => loadDirectory())]);

  let title: string;
  let estimatedSeconds = answer.estimatedSeconds;
  const modelId = ref.kind === "generation" ? (placement?.modelId ?? launch?.model ?? null) : null;
  if (ref.kind === "generation") {
    const models = modelId ? await safely("models", loadModels) : null;
    const model = models?.find((candidate) => candidate.model_id === modelId);
    title = model?.name ?? modelId ?? "Unknown model";
    estimatedSeconds ??= model?.estimated_seconds ?? null;
  } else {
    const techniqueId = ref.techniqueId ?? "";
    const technique = placement?.techniqueName
      ? null
      : await safely("technique", () => loadTechnique(techniqueId));
    title = placement?.techniqueName ?? technique?.name ?? techniqueId;
  }

  const workspace = placement && directory?.workspaces.get(placement.workspaceId);
  const project = placement && directory?.projects.get(placement.projectId);
  return {
    title,
    modelId,
    workspace: placement ? { id: placement.workspaceId, name: workspace?.name ?? null } : null,
    project: placement ? { id: placement.projectId, name: project?.name ?? null } : null,
    estimatedSeconds,
    launch: launch ? launchView(launch) : null,
  };
}
