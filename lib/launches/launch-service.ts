import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Launch } from "@/lib/db/schema";
import { getDb } from "@/lib/db";
import { getFloraClient } from "@/lib/flora/client";
import {
  generationCreateResponseSchema,
  runSchema,
  type GenerationCreateResponse,
  type Run,
} from "@/lib/flora/schemas";
import { parseUpstream } from "@/lib/flora/upstream-error";
import { ApiError } from "@/lib/errors/api-error";
import type { GenerateBody, TechniqueRunBody } from "@/lib/flora/request-schemas";
import { callUpstream, isUpstreamCallError, LAUNCH_POLICY } from "@/lib/flora/call-policy";
import { isIdempotencyRefusal, isTransient } from "@/lib/flora/upstream-failure";
import { upstreamIdempotencyKey, withKeyLock } from "@/lib/launches/idempotency-key";
import { confirmLaunch, findLaunchByKey, forgetPlace, intentRow, settleLaunch, type LaunchIntent } from "@/lib/launches/launch-store";
import { recordLaunchActivity, recordRefusalActivity } from "@/lib/budgets/launch-activity";
import { BudgetExceededError, reserveLaunch } from "@/lib/budgets/reserve";
import { estimateLaunchUsd } from "@/lib/budgets/launch-estimate";
import "@/lib/budgets/run-end-hook";
import { findRunOfLaunch } from "@/lib/launches/reconcile";
import { hasPlace, placelessKey, refusesPlace, withoutPlace } from "@/lib/launches/technique-place";
import { log } from "@/lib/log";
import { getEnv } from "@/lib/env";
import { webhookConfig } from "@/lib/webhooks/config";

export type LaunchRequest =
  | { kind: "generation"; body: GenerateBody }
  | { kind: "technique"; techniqueId: string; body: TechniqueRunBody };

export interface LaunchResult<T> {
  response: T;
  /** True when this answers a launch that had already happened (a retry or double submit). */
  replayed: boolean;
}

type LaunchResponse = GenerationCreateResponse | Run;

function intentOf(request: LaunchRequest, { user, token }: Actor, key: string): LaunchIntent {
  const common = { userId: user.id, userEmail: user.email, idempotencyKey: key, token };
  if (request.kind === "generation") {
    const { body } = request;
    return {
      ...common,
      kind: "generation",
      type: body.type,
      model: body.model ?? null,
      techniqueId: null,
      prompt: body.prompt,
      params: body.params ?? {},
      workspaceId: body.workspace_id,
      projectId: body.project_id,
    };
  }
  return {
    ...common,
    kind: "technique",
    type: null,
    model: null,
    techniqueId: request.techniqueId,
    prompt: request.body.inputs.find((input) => input.type === "text")?.value ?? null,
    params: request.body.inputs,
    workspaceId: request.body.workspace_id ?? null,
    projectId: request.body.project_id ?? null,
  };
}

/** With PUBLIC_URL set, FLORA is asked to POST the run's end to the dashboard's webhook. */
function callbackField(): { callback_url?: string } {
  const config = webhookConfig(getEnv());
  return config ? { callback_url: config.callbackUrl } : {};
}

function sendUpstream(request: LaunchRequest, key: string): Promise<LaunchResponse> {
  const headers = { "Idempotency-Key": key };
  const callback = callbackField();
  return callUpstream(
    LAUNCH_POLICY,
    async (options) => {
      if (request.kind === "generation") {
        const answer = await getFloraClient().generations.create({ ...request.body, ...callback }, { ...options, headers });
        return parseUpstream(generationCreateResponseSchema, answer, "POST /generate");
      }
      const answer = await getFloraClient().techniques.runs.create(request.techniqueId, { ...request.body, ...callback }, { ...options, headers });
      return parseUpstream(runSchema, answer, "POST /techniques/{id}/runs");
    },
    {
      onFailure: (failure, attempt) => log.warn("upstream launch attempt failed", { launchKind: request.kind, attempt, upstream: failure }),
    },
  );
}

const costOf = (response: LaunchResponse) => response.charged_cost ?? null;

/**
 * Starts a run once, however often it is asked: the same client key (per user) reaches
 * FLORA with the same Idempotency-Key, one at a time; a launch already confirmed is
 * answered from the record; FLORA's "duplicate key" answering our own retry is reconciled
 * to the run the first attempt started.
 */
export async function launchRun(
  request: LaunchRequest,
  actor: Actor,
  clientKey: string | undefined,
): Promise<LaunchResult<LaunchResponse>> {
  const { user } = actor;
  const db = await getDb();
  const key = upstreamIdempotencyKey(user.id, clientKey);

  return withKeyLock(key, async () => {
    let launch: Launch | undefined = await findLaunchByKey(db, key);
    if (launch?.status === "confirmed" && launch.response_json) {
      return { response: JSON.parse(launch.response_json) as LaunchResponse, replayed: true };
    }
    // An earlier attempt with this key may have reached FLORA: look for its run first.
    if (launch && launch.status !== "rejected") {
      const found = await findRunOfLaunch(db, launch);
      if (found) {
        await confirmLaunch(db, launch.id, { runId: found.run_id, response: found, estimatedCost: costOf(found) });
        return { response: found, replayed: true };
      }
    }
    // Reserve the estimate against the caps before anything goes upstream. A retry of a
    // launch that is pending or lost keeps the reservation it already holds; one after a
    // definite refusal held nothing, so it reserves again (as do records from before budgets).
    const reserve = async (row: Launch, existing: boolean) => {
      const estimate = await estimateLaunchUsd(db, request);
      try {
        return await reserveLaunch(db, row, estimate, { existing });
      } catch (error) {
        if (error instanceof BudgetExceededError) await recordRefusalActivity(db, actor, row, error.refusal);
        throw error;
      }
    };
    if (!launch) launch = await reserve(intentRow(intentOf(request, actor, key)), false);
    else if (launch.status === "rejected" || launch.spend_month === null) launch = await reserve(launch, true);
    else await settleLaunch(db, launch.id, "pending", null);

    try {
      const response = await sendUpstream(request, key).catch(async (error: unknown) => {
        if (!(request.kind === "technique" && hasPlace(request.body) && isUpstreamCallError(error) && refusesPlace(error.failure))) throw error;
        log.warn("FLORA refused the technique run's place; launching it without one", { launchId: launch.id });
        await forgetPlace(db, launch.id);
        return sendUpstream({ ...request, body: withoutPlace(request.body) }, placelessKey(key));
      });
      await confirmLaunch(db, launch.id, { runId: response.run_id, response, estimatedCost: costOf(response) });
      log.info("launched", { kind: request.kind, runId: response.run_id, userId: user.id });
      await recordLaunchActivity(db, actor, launch, { result: "confirmed", runId: response.run_id, charge: costOf(response) });
      return { response, replayed: false };
    } catch (error) {
      if (!isUpstreamCallError(error)) {
        await settleLaunch(db, launch.id, "unconfirmed", "internal_error");
        await recordLaunchActivity(db, actor, launch, { result: "unconfirmed", errorCode: "internal_error" });
        throw error;
      }
      if (isIdempotencyRefusal(error.failure)) {
        // FLORA knows this key, so an attempt of ours reached it. Another instance may have
        // sent it (the key lock is per process) and confirmed the launch meanwhile: its run
        // is linked already, so the record answers, and must not be set back to unconfirmed.
        const current = await findLaunchByKey(db, key);
        if (current?.status === "confirmed" && current.response_json) {
          return { response: JSON.parse(current.response_json) as LaunchResponse, replayed: true };
        }
        // Else this one's lost first try, or an earlier request's: find the run it started.
        // If FLORA cannot be read now, the launch stays unconfirmed and a later history page
        // completes it.
        const found = await findRunOfLaunch(db, launch).catch((lookupError: unknown) => {
          log.warn("could not look up the run of a lost launch", { launchId: launch.id, reason: String(lookupError) });
          return null;
        });
        if (found) {
          await confirmLaunch(db, launch.id, { runId: found.run_id, response: found, estimatedCost: costOf(found) });
          await recordLaunchActivity(db, actor, launch, { result: "confirmed", runId: found.run_id, charge: costOf(found) });
          return { response: found, replayed: true };
        }
        await settleLaunch(db, launch.id, "unconfirmed", "idempotency_duplicate");
        await recordLaunchActivity(db, actor, launch, { result: "unconfirmed", errorCode: "idempotency_duplicate" });
        throw new ApiError(
          "launch_unconfirmed",
          "FLORA says this launch was already sent, but its run was not found yet. It will appear in the history; do not launch it again.",
        );
      }
      const definite = !isTransient(error.failure);
      await settleLaunch(db, launch.id, definite ? "rejected" : "unconfirmed", error.apiError.code);
      await recordLaunchActivity(db, actor, launch, { result: definite ? "rejected" : "unconfirmed", errorCode: error.apiError.code });
      throw error.apiError;
    }
  });
}
