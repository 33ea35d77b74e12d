import type { GenerationListResponse, GenerationRetrieveResponse } from "@flora-ai/flora/resources/generations";
import type { RunListResponse } from "@flora-ai/flora/resources/techniques/runs";
import { API_PREFIX } from "../options";
import { outputsOf } from "./outputs";
import type { RunRecord } from "./run-record";
import { chargedCost, snapshot } from "./run-status";

/** Technique runs poll under their technique, generations under /runs. */
export function pollUrl(run: RunRecord, publicUrl: string): string {
  return run.techniqueId
    ? `${publicUrl}${API_PREFIX}/techniques/${run.techniqueId}/runs/${run.id}`
    : `${publicUrl}${API_PREFIX}/runs/${run.id}`;
}

/** GET /runs/{id}: optional fields appear only once they have a value. */
export function runView(run: RunRecord, now: number, publicUrl: string): GenerationRetrieveResponse {
  const snap = snapshot(run, now);
  const view: GenerationRetrieveResponse = {
    run_id: run.id,
    status: snap.status,
    progress: snap.progress,
    created_at: run.createdAt,
    charged_cost: chargedCost(run, snap.status),
    poll_url: pollUrl(run, publicUrl),
  };
  if (snap.startedAt !== undefined) view.started_at = snap.startedAt;
  if (snap.completedAt !== undefined) view.completed_at = snap.completedAt;
  if (snap.status === "completed") view.outputs = outputsOf(run, publicUrl);
  if (snap.status === "failed") {
    view.error_code = run.errorCode ?? "internal_error";
    view.error_message = run.errorMessage ?? "The run failed.";
  }
  return view;
}

export function generationListItem(run: RunRecord, now: number, publicUrl: string): GenerationListResponse {
  return {
    ...runView(run, now, publicUrl),
    generation_id: run.id,
    workspace_id: run.workspaceId,
    project_id: run.projectId,
    model: { model_id: run.modelId ?? null },
  };
}

export function techniqueRunListItem(run: RunRecord, now: number, publicUrl: string, techniqueName: string): RunListResponse {
  return {
    ...runView(run, now, publicUrl),
    technique_run_id: run.id,
    workspace_id: run.workspaceId,
    project_id: run.projectId,
    technique: { technique_id: run.techniqueId ?? "", name: techniqueName },
  };
}
