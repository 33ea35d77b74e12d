import type { Env } from "@/lib/env-schema";

/** Where FLORA delivers run webhooks, under PUBLIC_URL. */
export const WEBHOOK_PATH = "/api/webhooks/flora";

export interface WebhookConfig {
  /** What every launch sends as `callback_url`. */
  callbackUrl: string;
  /** The whsec_ signing secret. Never logged. */
  secret: string;
}

/**
 * FLORA's webhooks are on when PUBLIC_URL is set; lib/env-schema.ts refuses to start with
 * PUBLIC_URL but no secret, so both are here or neither. Null: launches send no callback and
 * the webhook route answers 404, as if it did not exist.
 */
export function webhookConfig(env: Pick<Env, "PUBLIC_URL" | "FLORA_WEBHOOK_SECRET">): WebhookConfig | null {
  if (!env.PUBLIC_URL || !env.FLORA_WEBHOOK_SECRET) return null;
  return { callbackUrl: `${env.PUBLIC_URL}${WEBHOOK_PATH}`, secret: env.FLORA_WEBHOOK_SECRET };
}
