import type { Generation, RunOutput, RunStatus, TechniqueRun } from "@/lib/flora/schemas";

/**
 * One row of a history list, whatever kind of run it is: the table renders these, so the
 * difference between generations and technique runs stays in this file.
 */
export interface RunRow {
  runId: string;
  kind: "generation" | "technique";
  /** Model id for generations, technique name for technique runs. */
  title: string;
  status: RunStatus;
  progress: number;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  costUsd: number | null;
  workspaceName: string;
  projectName: string;
  outputs: RunOutput[];
  errorCode: string | null;
  errorMessage: string | null;
}

/** Names for the ids the lists carry; an unknown id shows as itself. */
export interface NameLookup {
  workspaceName(workspaceId: string): string | undefined;
  projectName(projectId: string): string | undefined;
}

type CommonRun = Pick<
  Generation,
  | "status"
  | "progress"
  | "created_at"
  | "started_at"
  | "completed_at"
  | "charged_cost"
  | "outputs"
  | "error_code"
  | "error_message"
  | "workspace_id"
  | "project_id"
>;

function commonFields(run: CommonRun, names: NameLookup) {
  return {
    status: run.status,
    progress: run.progress,
    createdAt: run.created_at,
    startedAt: run.started_at ?? null,
    completedAt: run.completed_at ?? null,
    costUsd: run.charged_cost ?? null,
    workspaceName: names.workspaceName(run.workspace_id) ?? run.workspace_id,
    projectName: names.projectName(run.project_id) ?? run.project_id,
    outputs: run.outputs ?? [],
    errorCode: run.error_code ?? null,
    errorMessage: run.error_message ?? null,
  };
}

export function generationToRow(generation: Generation, names: NameLookup): RunRow {
  return {
    runId: generation.run_id,
    kind: "generation",
    title: generation.model?.model_id ?? "Unknown model",
    ...commonFields(generation, names),
  };
}

export function techniqueRunToRow(run: TechniqueRun, names: NameLookup): RunRow {
  return {
    runId: run.run_id,
    kind: "technique",
    title: run.technique.name || run.technique.technique_id,
    ...commonFields(run, names),
  };
}
