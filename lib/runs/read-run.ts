import "server-only";
import { getRun, getTechniqueRun } from "@/lib/flora/reads";
import type { Run } from "@/lib/flora/schemas";
import type { RunRef } from "@/lib/runs/run-ref";
// A finished run read here settles its launch's charge (budgets).
import "@/lib/budgets/run-end-hook";

/** One run by its page's reference, through the coalesced poll cache. */
export function readRun(ref: RunRef): Promise<Run> {
  return ref.kind === "technique" && ref.techniqueId ? getTechniqueRun(ref.techniqueId, ref.runId) : getRun(ref.runId);
}
