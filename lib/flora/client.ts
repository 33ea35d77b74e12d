import "server-only";
import FLORA from "@flora-ai/flora";
import { getEnv } from "@/lib/env";
import { requireFloraKey } from "@/lib/env-schema";

/**
 * The one FLORA client of the server. Built lazily: the SDK throws at construction
 * without a key, and `next build` must not need one.
 *
 * Timeouts and retries belong to the dashboard, not to the SDK's defaults (60 s, two
 * retries that wait any Retry-After however long): callers decide when to retry, so the
 * client itself never retries and gives up after the slowest budget any caller has.
 */
const CLIENT_TIMEOUT_MS = 30_000;

let client: FLORA | undefined;

export function getFloraClient(): FLORA {
  if (!client) {
    const env = getEnv();
    client = new FLORA({
      apiKey: requireFloraKey(env),
      baseURL: env.FLORA_BASE_URL,
      timeout: CLIENT_TIMEOUT_MS,
      maxRetries: 0,
      // The SDK's own logger can print request headers; ours decides what reaches a log.
      logLevel: "off",
    });
  }
  return client;
}
