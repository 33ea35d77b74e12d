import type { SharedRedis } from "@/lib/redis/connection";
import type { CheckResult } from "@/lib/health/report";
import { timeBox } from "@/lib/health/time-box";

/**
 * How long the PING may take. Below the report's own box (CHECK_TIMEOUT_MS, 1 s), so a slow
 * Redis is told by this check's message rather than the generic one.
 */
export const REDIS_PING_TIMEOUT_MS = 800;

/** The only words an error says: never the URL, host, port or password. */
export const REDIS_UNREACHABLE = "Redis cannot be reached.";
export const REDIS_SLOW = "Redis did not answer in time.";
export const REDIS_NOT_CONNECTED = "REDIS_URL is set but this instance has not connected to Redis.";

/**
 * `off` without REDIS_URL. With it, a PING through the instance's own connection
 * (lib/redis/connection.ts): `ok`, or `error` with one of the fixed messages above. A
 * connection that is not ready (reconnecting) is an error at once, without queueing a PING
 * behind the reconnect.
 */
export async function checkRedis(redisUrl: string | undefined, redis: SharedRedis | null, timeoutMs = REDIS_PING_TIMEOUT_MS): Promise<CheckResult> {
  if (!redisUrl) return { status: "off" };
  if (!redis) return { status: "error", message: REDIS_NOT_CONNECTED };
  if (redis.commands.status !== "ready") return { status: "error", message: REDIS_UNREACHABLE };
  const slow = Symbol("slow");
  try {
    const answer = await timeBox<string | typeof slow>(() => redis.commands.ping(), timeoutMs, () => slow);
    if (answer === slow) return { status: "error", message: REDIS_SLOW };
    return answer === "PONG" ? { status: "ok" } : { status: "error", message: REDIS_UNREACHABLE };
  } catch {
    return { status: "error", message: REDIS_UNREACHABLE };
  }
}
