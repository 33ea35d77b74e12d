import type { LaunchStatus } from "@/lib/db/schema";

/** Which run a page shows: generations by id; technique runs need their technique upstream. */
export interface RunRef {
  kind: "generation" | "technique";
  runId: string;
  techniqueId: string | null;
}

/** What the run page knows besides FLORA's run: see lib/runs/run-context.ts. */
export interface RunContext {
  /** The model's name (or id) for generations, the technique's name for technique runs. */
  title: string;
  modelId: string | null;
  workspace: { id: string; name: string | null } | null;
  project: { id: string; name: string | null } | null;
  estimatedSeconds: number | null;
  /** From the local store, when the dashboard launched the run. */
  launch: {
    kind: "generation" | "technique";
    prompt: string | null;
    params: Record<string, unknown> | null;
    type: string | null;
    model: string | null;
    launchedBy: string;
    /** The access token's name when launched with one (the SDK, a script); null from the form. */
    viaToken: string | null;
    launchedAt: number;
    status: LaunchStatus;
  } | null;
}

/** The dashboard's download of one output, or of all of them as a zip without `outputId`. */
export function outputDownloadHref(ref: RunRef, outputId?: string): string {
  const search = new URLSearchParams({ run_id: ref.runId });
  if (ref.techniqueId) search.set("technique_id", ref.techniqueId);
  if (outputId) search.set("output_id", outputId);
  return `/api/run-outputs?${search.toString()}`;
}

/** The launch form for this kind of run, to be filled from this run's record (`again`). */
export const runAgainHref = (ref: RunRef) =>
  ref.kind === "technique" && ref.techniqueId
    ? `/techniques/${encodeURIComponent(ref.techniqueId)}?again=${encodeURIComponent(ref.runId)}`
    : `/new?again=${encodeURIComponent(ref.runId)}`;
