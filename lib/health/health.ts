import "server-only";
import { sql } from "kysely";
import packageJson from "@/package.json";
import { checkArchive } from "@/lib/archive/health";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { freshFor } from "@/lib/health/fresh-for";
import { checkRedis } from "@/lib/health/redis-check";
import { HTTP_STATUS, runChecks, type HealthReport } from "@/lib/health/report";
import { describeError, log } from "@/lib/log";
import { sharedRedis } from "@/lib/redis/connection";

/** How long one report is served before the dependencies are asked again. */
export const HEALTH_FRESH_MS = 2_000;

/**
 * `select 1` through the process's store handle. On SQLite the query is synchronous and
 * takes no lock, so it cannot hang; on Postgres the time box bounds a pool that waits.
 */
async function checkStore() {
  const db = await getDb();
  await sql`select 1`.execute(db);
  return { status: "ok" } as const;
}

async function buildReport(): Promise<HealthReport> {
  return runChecks(
    {
      store: { run: checkStore, essential: true, failureMessage: "The store cannot be read." },
      // Not essential: every use of Redis falls back to the instance's memory when it is gone
      // (limits per instance, users remembered a second, polls read upstream), so a Redis
      // outage is `degraded`; a 503 would have the load balancer pull every instance at once.
      redis: { run: () => checkRedis(getEnv().REDIS_URL, sharedRedis()), essential: false, failureMessage: "Redis cannot be reached." },
      archive: { run: () => checkArchive(), essential: false, failureMessage: "The archive cannot be reached." },
    },
    // The details (paths, hosts, stacks) go to the server's log, never into the answer.
    { onFailure: (name, problem) => log.warn(`health check failed: ${name}`, describeError(problem)) },
  );
}

const freshReport = freshFor(HEALTH_FRESH_MS, buildReport);

/** The body and HTTP status of GET /api/health. */
export async function healthResponse(): Promise<Response> {
  const report = await freshReport();
  const body = { status: report.status, upstream: getEnv().ATELIER_UPSTREAM, version: packageJson.version, checks: report.checks };
  return Response.json(body, { status: HTTP_STATUS[report.status], headers: { "cache-control": "no-store" } });
}
