import type { CheckResult } from "@/lib/health/report";

/**
 * Redis is `off` without REDIS_URL. With it, still `off` for now: REDIS_URL is accepted and
 * validated, but no part of this version talks to Redis yet (caches, limits and coalescing
 * are per instance). Reporting `ok` would claim a connection that nothing makes, and
 * reporting `error` would make a load balancer pull instances over a dependency they do not
 * use. When the Redis seam lands, this becomes a PING through its client.
 */
export function checkRedis(redisUrl: string | undefined): CheckResult {
  if (!redisUrl) return { status: "off" };
  return { status: "off", message: "REDIS_URL is set, but this version does not use Redis yet." };
}
