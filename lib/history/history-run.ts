import type { Generation, RunOutput, RunStatus, TechniqueRun } from "@/lib/flora/schemas";
import { runPollPath, techniqueRunPollPath } from "@/lib/http/poll-url";

/**
 * One run as the history shows it: FLORA's fields the list needs, plus what only the local
 * store knows (the prompt and who launched it), for runs launched from the dashboard.
 */
export interface HistoryRun {
  runId: string;
  kind: "generation" | "technique";
  techniqueId: string | null;
  /**
   * What made the run, by name: the model's catalogue name for generations ("FLUX.2 [pro]",
   * as the run page says it; the model id until named, see nameHistoryRuns), the technique's
   * name for technique runs.
   */
  title: string;
  /** The model id of a generation (null for technique runs or when FLORA gave none). */
  modelId: string | null;
  /** What the run makes: "Image", "Video", "Image, text"; null when not known. */
  outputType: string | null;
  status: RunStatus;
  progress: number;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  costUsd: number | null;
  workspaceId: string;
  projectId: string;
  outputs: RunOutput[];
  errorCode: string | null;
  errorMessage: string | null;
  prompt: string | null;
  launchedBy: string | null;
  /** The personal access token the launch came through, when it did not come from the form. */
  viaToken?: string;
  /**
   * Set on a prompt-search row whose launch FLORA has not confirmed yet: "pending" while the
   * launch is in flight, "unconfirmed" when its answer was lost. Such a row has no run to open
   * (its runId is the launch's id) and nothing to poll. Absent on every run FLORA listed.
   */
  launchState?: "pending" | "unconfirmed";
  /**
   * The first output's thumbnails, made when the archive copied it (lib/archive): same-origin
   * URLs, one for the list's 56 px rows and one for the grid. Absent when it has none.
   */
  thumb?: { row: string; grid: string };
}

export interface HistoryPage {
  runs: HistoryRun[];
  nextCursor: string | null;
}

type Common = Pick<
  Generation,
  "status" | "progress" | "created_at" | "started_at" | "completed_at" | "charged_cost" | "outputs" | "error_code" | "error_message" | "workspace_id" | "project_id"
>;

function common(run: Common) {
  return {
    status: run.status,
    progress: run.progress,
    createdAt: run.created_at,
    startedAt: run.started_at ?? null,
    completedAt: run.completed_at ?? null,
    costUsd: run.charged_cost ?? null,
    workspaceId: run.workspace_id,
    projectId: run.project_id,
    outputs: run.outputs ?? [],
    errorCode: run.error_code ?? null,
    errorMessage: run.error_message ?? null,
    prompt: null,
    launchedBy: null,
  };
}

export function generationToHistoryRun(run: Generation): HistoryRun {
  const modelId = run.model?.model_id ?? null;
  return {
    runId: run.run_id,
    kind: "generation",
    techniqueId: null,
    title: modelId ?? "Unknown model",
    modelId,
    outputType: outputTypeOf(run.outputs?.map((output) => output.type) ?? []),
    ...common(run),
  };
}

export function techniqueRunToHistoryRun(run: TechniqueRun): HistoryRun {
  return {
    runId: run.run_id,
    kind: "technique",
    techniqueId: run.technique.technique_id,
    title: run.technique.name || run.technique.technique_id,
    modelId: null,
    outputType: outputTypeOf(run.outputs?.map((output) => output.type) ?? []),
    ...common(run),
  };
}

const OUTPUT_TYPE_LABELS: Record<RunOutput["type"] | "image" | "video" | "audio", string> = {
  imageUrl: "Image",
  image: "Image",
  videoUrl: "Video",
  video: "Video",
  audioUrl: "Audio",
  audio: "Audio",
  text: "Text",
  documentUrl: "Document",
};

/** "Image", or "Image, text" for several kinds, from output or model types; null for none. */
export function outputTypeOf(types: ReadonlyArray<keyof typeof OUTPUT_TYPE_LABELS>): string | null {
  const labels = [...new Set(types.map((type) => OUTPUT_TYPE_LABELS[type]))];
  if (labels.length === 0) return null;
  return [labels[0], ...labels.slice(1).map((label) => label.toLowerCase())].join(", ");
}

/** The run's own page: generations by id, technique runs need their technique. */
export function runHref(run: Pick<HistoryRun, "runId" | "kind" | "techniqueId">): string {
  return run.kind === "technique" && run.techniqueId
    ? `/technique-runs/${encodeURIComponent(run.techniqueId)}/${encodeURIComponent(run.runId)}`
    : `/runs/${encodeURIComponent(run.runId)}`;
}

/** The gateway path that polls this run. */
export function pollPathOf(run: Pick<HistoryRun, "runId" | "kind" | "techniqueId">): string {
  return run.kind === "technique" && run.techniqueId ? techniqueRunPollPath(run.techniqueId, run.runId) : runPollPath(run.runId);
}

