import "server-only";
import type { SharedLink } from "@/lib/db/schema";
import type { OutputType, Run } from "@/lib/flora/schemas";
import { readRun } from "@/lib/runs/read-run";
import { loadRunContext } from "@/lib/runs/run-context";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * What a public link shows of a run, and nothing more: the outputs, the type, the model's
 * (or technique's) name and the date, and the prompt only when the link says so. Never the
 * launcher, params, cost, workspace, project or anything else the run page knows: this
 * object is all the public page is given, so it cannot show what it was not handed.
 */
export interface PublicRun {
  status: "pending" | "running" | "completed" | "failed";
  type: string;
  modelName: string;
  createdAt: number;
  prompt: string | null;
  outputs: Array<{ output_id: string; type: OutputType; text: string | null }>;
}

const TYPE_OF_OUTPUT: Record<OutputType, string> = { imageUrl: "image", videoUrl: "video", audioUrl: "audio", text: "text", documentUrl: "document" };

export function runRefOf(link: SharedLink): RunRef {
  return { kind: link.technique_id ? "technique" : "generation", runId: link.run_id ?? "", techniqueId: link.technique_id };
}

/** Pure: what the page may show, picked from the run and its context. */
export function publicRunOf(link: SharedLink, run: Run, context: { title: string; launch: { prompt: string | null; type: string | null } | null }): PublicRun {
  const outputs = run.status === "completed" ? (run.outputs ?? []) : [];
  const type = link.technique_id ? "technique" : (context.launch?.type ?? (outputs[0] ? TYPE_OF_OUTPUT[outputs[0].type] : "unknown"));
  return {
    status: run.status,
    type,
    modelName: context.title,
    createdAt: run.created_at,
    prompt: link.show_prompt === 1 ? (context.launch?.prompt ?? null) : null,
    outputs: outputs.map((output) => ({ output_id: output.output_id, type: output.type, text: output.type === "text" ? output.url : null })),
  };
}

/** Reads the run upstream (the coalesced poll cache) and its context; upstream failures pass on. */
export async function loadPublicRun(link: SharedLink): Promise<PublicRun> {
  const ref = runRefOf(link);
  const [run, context] = await Promise.all([readRun(ref), loadRunContext(ref)]);
  return publicRunOf(link, run, context);
}
