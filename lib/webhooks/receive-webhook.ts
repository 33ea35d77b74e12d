import "server-only";
import type { Kysely } from "kysely";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { WebhookVerificationError } from "@flora-ai/flora/lib/webhooks";
import { clientAddress } from "@/lib/auth/client-address";
import type { Database } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { isUpstreamCallError } from "@/lib/flora/call-policy";
import { getFloraClient } from "@/lib/flora/client";
import { errorResponse } from "@/lib/http/envelope";
import { readLimitedText } from "@/lib/http/read-limited-body";
import { describeError, log } from "@/lib/log";
import { actOnEvent } from "@/lib/webhooks/act-on-event";
import type { WebhookConfig } from "@/lib/webhooks/config";
import { claimDelivery, releaseDelivery } from "@/lib/webhooks/deliveries";
import { webhookEventSchema } from "@/lib/webhooks/webhook-event";

/** FLORA's deliveries are a few hundred bytes; 64 KB leaves room for long error messages. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;
/** The SDK's replay window, said out loud: a signature older than this is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface WebhookReceiverDeps {
  /** Null while PUBLIC_URL / FLORA_WEBHOOK_SECRET are unset: the route then does not exist. */
  config: () => WebhookConfig | null;
  db: () => Promise<Kysely<Database>>;
  /** Per client address. FLORA delivers from a few addresses, so it is generous. */
  limiter: () => RateLimiterAbstract;
  act?: typeof actOnEvent;
  addressOf?: (request: Request) => string;
  /** The SDK's clock, unix ms (tests move it). */
  now?: () => number;
}

const requestAddress = (request: Request) => clientAddress(Object.fromEntries(request.headers));
const ok = (body: Record<string, unknown>) => Response.json({ received: true, ...body }, { headers: { "cache-control": "no-store" } });

async function withinLimit(limiter: RateLimiterAbstract, address: string): Promise<void> {
  try {
    await limiter.consume(address);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new ApiError("rate_limited", `Too many webhook deliveries from this address; try again in ${seconds} s.`, undefined, { "retry-after": String(seconds) });
  }
}

/**
 * POST /api/webhooks/flora: FLORA's signed "run ended" deliveries. No session (FLORA has
 * none), so nothing is trusted before the signature: limited per address, the body read raw
 * up to 64 KB, verified with the SDK against FLORA_WEBHOOK_SECRET, then checked with zod.
 * Every refusal changes nothing and is logged at warn. A new delivery is claimed by its id
 * (a redelivery answers `duplicate: true`), acted on (lib/webhooks/act-on-event.ts) and
 * answered 200; when the confirming read fails the claim is given back and the error
 * answered, so FLORA's retry is acted on.
 */
export function floraWebhookHandler(deps: WebhookReceiverDeps) {
  const { act = actOnEvent, addressOf = requestAddress, now = Date.now } = deps;
  return async (request: Request): Promise<Response> => {
    const address = addressOf(request);
    try {
      const config = deps.config();
      if (!config) throw new ApiError("not_found", "No such route: FLORA's webhooks are not configured (PUBLIC_URL).");
      await withinLimit(deps.limiter(), address);
      const raw = await readLimitedText(request, MAX_WEBHOOK_BYTES);
      if (!request.headers.get("flora-signature")) throw new ApiError("input_validation_error", "The delivery has no Flora-Signature header.");
      try {
        // The SDK's check (constant-time, 300 s window) on the raw body. unwrap() would also
        // parse, but then a signed body that is not JSON would read as a bad signature.
        await getFloraClient().webhooks.verify(raw, request.headers, config.secret, { toleranceSeconds: SIGNATURE_TOLERANCE_SECONDS, now });
      } catch (error) {
        if (error instanceof WebhookVerificationError) throw new ApiError("unauthorized", "The delivery's signature is not valid.");
        throw error;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new ApiError("invalid_json", "The delivery is not valid JSON.");
      }
      const parsed = webhookEventSchema.safeParse(body);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
        throw new ApiError("input_validation_error", "The delivery is not a run event this dashboard understands.", fields);
      }
      const event = parsed.data;
      const db = await deps.db();
      if (!(await claimDelivery(db, event.id, event.data.run_id))) return ok({ duplicate: true });
      try {
        await act(db, event);
      } catch (error) {
        await releaseDelivery(db, event.id).catch(() => {});
        throw error;
      }
      return ok({});
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.code !== "not_found") log.warn("webhook delivery refused", { code: error.code, reason: error.message, address });
        return errorResponse(error);
      }
      if (isUpstreamCallError(error)) {
        log.warn("webhook delivery: the confirming read failed; FLORA will deliver again", { code: error.apiError.code, address });
        return errorResponse(error.apiError);
      }
      log.error("POST /api/webhooks/flora failed", describeError(error));
      return errorResponse(new ApiError("internal_error", "Something went wrong on the dashboard's side."));
    }
  };
}
