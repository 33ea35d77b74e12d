import { randomBytes } from "node:crypto";
import { ApiError, validationError } from "../http/api-error";
import type { Directives } from "../runs/prompt-directives";
import type { OutputType, RunKind, RunRecord } from "../runs/run-record";
import { errorMessageFor } from "../seed/sample-texts";
import type { SimState } from "../state/sim-state";
import type { ApiRequest } from "./api-types";
import type { RunContext } from "./run-context";

export interface LaunchSpec {
  kind: RunKind;
  context: RunContext;
  modelId?: string;
  techniqueId?: string;
  /** USD */
  cost: number;
  outputs: OutputType[];
  text?: string;
  directives: Directives;
  callbackUrl?: string;
}

/** The Idempotency-Key header, plus a body idempotency_key where the endpoint has one. */
export function idempotencyKeys(request: ApiRequest, bodyKey?: string): string[] {
  const header = request.header("idempotency-key");
  if (header !== undefined && !/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw validationError([{ field: "Idempotency-Key", message: "Must be 1 to 255 visible ASCII characters." }]);
  }
  return [...new Set([header, bodyKey].filter((key): key is string => key !== undefined))];
}

/**
 * Starts a run: refuses reused keys (409) and unaffordable launches (402), then
 * charges the balance and schedules the webhook. Keys are remembered only for
 * launches that happened, so a rejected request can be retried with its key.
 */
export function launchRun(sim: SimState, apiKey: string, spec: LaunchSpec, keys: readonly string[]): RunRecord {
  const now = sim.now();
  if (keys.some((key) => sim.idempotency.isDuplicate(apiKey, key))) {
    throw new ApiError(409, "idempotency_duplicate", "Duplicate idempotency key.");
  }
  if (!sim.credits.canAfford(spec.cost, now)) {
    throw new ApiError(402, "insufficient_credits", "Insufficient credits.");
  }
  const totalMs = Math.round((spec.directives.runSeconds ?? sim.options.runSeconds) * 1000);
  const failCode = spec.directives.failCode;
  const run: RunRecord = {
    id: `run_${randomBytes(10).toString("hex")}`,
    kind: spec.kind,
    workspaceId: spec.context.workspace.workspace_id,
    projectId: spec.context.project.project_id,
    ...(spec.modelId ? { modelId: spec.modelId } : {}),
    ...(spec.techniqueId ? { techniqueId: spec.techniqueId } : {}),
    createdAt: now,
    // A short pending phase, then running for the rest of runSeconds.
    startedAt: now + Math.min(1000, totalMs * 0.2),
    endsAt: now + totalMs,
    outcome: failCode ? "failed" : "completed",
    ...(failCode ? { errorCode: failCode, errorMessage: errorMessageFor(failCode) } : {}),
    failProgress: 60,
    cost: spec.cost,
    outputs: spec.outputs,
    ...(spec.text !== undefined ? { text: spec.text } : {}),
    ...(spec.directives.unsafeUrls ? { unsafeUrls: true } : {}),
    ...(spec.callbackUrl ? { callbackUrl: spec.callbackUrl } : {}),
  };
  for (const key of keys) sim.idempotency.remember(apiKey, key);
  sim.credits.charge(run);
  (run.kind === "generation" ? sim.generations : sim.techniqueRuns).insert(run);
  sim.webhooks.schedule(run);
  return run;
}
