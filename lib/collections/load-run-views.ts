import "server-only";
import pLimit from "p-limit";
import { withThumbs } from "@/lib/archive/history-thumbs";
import { isUpstreamCallError, isUpstreamNotFound } from "@/lib/flora/call-policy";
import type { Run } from "@/lib/flora/schemas";
import { outputTypeOf, type HistoryRun } from "@/lib/history/history-run";
import { describeError, log } from "@/lib/log";
import { readRun } from "@/lib/runs/read-run";
import { loadRunContext } from "@/lib/runs/run-context";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * Runs named by reference (a collection's, a comparison's), read for display: FLORA's run
 * through the run page's coalesced read, and its context (name, and the launch record when
 * the dashboard launched it). A run that cannot be read becomes a tile that says why, never
 * a failed page. At most six reads at once: a collection of 200 must not burst FLORA's limit.
 */
export interface RunView {
  ref: RunRef;
  /** As the history shows a run, so its preview and facts are the history's own components. */
  run: HistoryRun | null;
  /** The launch's params (or technique inputs); null when the dashboard did not launch it. */
  params: Record<string, unknown> | null;
  /** Whether the dashboard launched it, so its prompt and params are known. */
  launched: boolean;
  /** Why the run could not be read (deleted upstream, FLORA unavailable). */
  problem: string | null;
}

const AT_ONCE = 6;

export async function loadRunViews(refs: readonly RunRef[]): Promise<RunView[]> {
  const limit = pLimit(AT_ONCE);
  const views = await Promise.all(refs.map((ref) => limit(() => loadOne(ref))));
  const withPreviews = await withThumbs(views.flatMap((view) => (view.run ? [view.run] : [])));
  const byId = new Map(withPreviews.map((run) => [run.runId, run]));
  return views.map((view) => (view.run ? { ...view, run: byId.get(view.run.runId) ?? view.run } : view));
}

async function loadOne(ref: RunRef): Promise<RunView> {
  let run: Run;
  try {
    run = await readRun(ref);
  } catch (error) {
    if (!isUpstreamCallError(error)) log.warn("collection: run unreadable", describeError(error));
    const problem = isUpstreamNotFound(error) ? "FLORA no longer has this run." : "This run could not be read just now.";
    return { ref, run: null, params: null, launched: false, problem };
  }
  const context = await loadRunContext(ref);
  const launch = context.launch;
  const outputs = run.outputs ?? [];
  return {
    ref,
    launched: launch !== null,
    params: launch?.params ?? null,
    problem: null,
    run: {
      runId: run.run_id,
      kind: ref.kind,
      techniqueId: ref.techniqueId,
      title: context.title,
      modelId: context.modelId,
      outputType: outputTypeOf(outputs.map((output) => output.type)),
      status: run.status,
      progress: run.progress,
      createdAt: run.created_at,
      startedAt: run.started_at ?? null,
      completedAt: run.completed_at ?? null,
      costUsd: run.charged_cost ?? null,
      workspaceId: context.workspace?.id ?? "",
      projectId: context.project?.id ?? "",
      outputs,
      errorCode: run.error_code ?? null,
      errorMessage: run.error_message ?? null,
      prompt: launch?.prompt ?? null,
      launchedBy: launch?.launchedBy ?? null,
      ...(launch?.viaToken && { viaToken: launch.viaToken }),
    },
  };
}
