import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { sharedRedis } from "@/lib/redis/connection";
import { memoryLimiter, sharedLimiter } from "@/lib/redis/shared-limiter";
import { webhookConfig } from "@/lib/webhooks/config";
import { floraWebhookHandler } from "@/lib/webhooks/receive-webhook";

/**
 * Deliveries one client address may make in a minute. FLORA sends one per run end from a
 * handful of addresses, so this is far above a team's launches and only stops a flood of
 * forgeries before each costs an HMAC and a body read.
 */
export const WEBHOOKS_PER_ADDRESS_PER_MINUTE = 600;

let limiter: { redis: unknown; limiter: RateLimiterAbstract } | undefined;

/** Counted in Redis when REDIS_URL is set (one budget for all instances), else in memory. */
function webhookLimiter(): RateLimiterAbstract {
  const redis = sharedRedis();
  if (limiter?.redis !== redis) {
    const options = { name: "webhooks", points: WEBHOOKS_PER_ADDRESS_PER_MINUTE, durationSeconds: 60 };
    limiter = { redis, limiter: redis ? sharedLimiter(redis, options) : memoryLimiter(options) };
  }
  return limiter.limiter;
}

/** The route's handler, on the app's environment, store and Redis. */
export const receiveFloraWebhook = floraWebhookHandler({
  config: () => webhookConfig(getEnv()),
  db: getDb,
  limiter: webhookLimiter,
});
