import type { Launch } from "@/lib/db/schema";
import type { Run } from "@/lib/flora/schemas";
import { outputTypeOf, type HistoryRun } from "@/lib/history/history-run";
import { answerFacts, parseRecordedJson } from "@/lib/launches/launch-record";
import type { SeenRun } from "@/lib/runs/seen-runs";

/**
 * A recorded launch as a history row, so search results look like the history: the store
 * knows the prompt, launcher, place and model; FLORA's run (when it could be read) adds the
 * status, outputs and times. A launch FLORA has not confirmed yet says so (launchState).
 */
export function launchToHistoryRun(launch: Launch, run: Run | null, seen: SeenRun | undefined): HistoryRun {
  const modelId = launch.kind === "generation" ? (launch.model ?? answerFacts(parseRecordedJson(launch.response_json)).modelId ?? seen?.modelId ?? null) : null;
  const techniqueId = launch.technique_id ?? seen?.techniqueId ?? null;
  const outputs = run?.outputs ?? [];
  const launchState = launch.run_id === null ? (launch.status === "unconfirmed" ? "unconfirmed" : "pending") : undefined;
  return {
    runId: launch.run_id ?? launch.id,
    kind: launch.kind,
    techniqueId,
    title: launch.kind === "generation" ? (modelId ?? "Unknown model") : (seen?.techniqueName ?? techniqueId ?? "Unknown technique"),
    modelId,
    outputType: outputs.length > 0 ? outputTypeOf(outputs.map((output) => output.type)) : knownType(launch.type),
    // Not read from FLORA (yet): shown as pending, and the row's live poll asks again.
    status: run?.status ?? "pending",
    progress: run?.progress ?? 0,
    createdAt: launch.created_at,
    startedAt: run?.started_at ?? null,
    completedAt: run?.completed_at ?? null,
    costUsd: run?.charged_cost ?? launch.charged_usd ?? null,
    workspaceId: launch.workspace_id ?? seen?.workspaceId ?? "",
    projectId: launch.project_id ?? seen?.projectId ?? "",
    outputs,
    errorCode: run?.error_code ?? null,
    errorMessage: run?.error_message ?? null,
    prompt: launch.prompt,
    launchedBy: launch.user_email,
    ...(launch.token_name && { viaToken: launch.token_name }),
    ...(launchState && { launchState }),
  };
}

function knownType(type: string | null) {
  return type === "image" || type === "video" || type === "audio" || type === "text" ? outputTypeOf([type]) : null;
}
