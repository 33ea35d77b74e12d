/**
 * Added latency of GET /api/v1/runs/{runId} through the gateway versus the same request
 * straight to the simulator, and throughput for a cached run, measured side by side in one
 * run with autocannon. See bench/README.md.
 *
 *   npm run bench:gateway            (builds first when the build is stale)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { percentile, timeSequential } from "./lib/sequential";
import { signIn, startStack } from "./lib/stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MISS_REQUESTS = Number(process.env.BENCH_MISS_REQUESTS ?? 1500);
const CACHED_SECONDS = Number(process.env.BENCH_CACHED_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
}

async function measure(options: autocannon.Options & { paths?: string[] }): Promise<Measured> {
  let next = 0;
  const { paths, ...rest } = options;
  const result = await autocannon({
    ...rest,
    requests: paths
      ? [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }]
      : undefined,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function completedRunIds(simulatorOrigin: string, key: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null | undefined;
  while (ids.length < count) {
    const url = `${simulatorOrigin}/api/v1/generations?status=completed&limit=100${cursor ? `&cursor=${cursor}` : ""}`;
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      generations: Array<{ run_id: string }>;
      meta: { next_cursor?: string | null };
    };
    ids.push(...page.generations.map((run) => run.run_id));
    cursor = page.meta.next_cursor;
    if (!cursor) break;
  }
  return ids.slice(0, count);
}

const round = (value: number) => Math.round(value * 100) / 100;

async function main() {
  const stack = await startStack(root);
  try {
    const cookie = await signIn(stack.appOrigin, "admin@atelier.local", "atelier-demo");
    const direct = { url: stack.simulatorOrigin, headers: { authorization: `Bearer ${stack.simulatorKey}` } };
    const gateway = { url: stack.appOrigin, headers: { cookie } };

    // Warm both servers (JIT, connection pools, the app's first compile of each route).
    const warmIds = await completedRunIds(stack.simulatorOrigin, stack.simulatorKey, 200);
    await measure({ ...direct, connections: 1, amount: 200, paths: warmIds.map((id) => `/api/v1/runs/${id}`) });
    await measure({ ...gateway, connections: 1, amount: 200, paths: warmIds.map((id) => `/api/v1/runs/${id}`) });

    // 1. Cache misses: one request at a time, each for a run the gateway has never seen, so
    //    every gateway request makes one upstream request. Two rounds, in both orders, timed
    //    with the high-resolution clock.
    const ids = (await completedRunIds(stack.simulatorOrigin, stack.simulatorKey, 200 + 2 * MISS_REQUESTS)).slice(200);
    const roundA = ids.slice(0, MISS_REQUESTS).map((id) => `/api/v1/runs/${id}`);
    const roundB = ids.slice(MISS_REQUESTS).map((id) => `/api/v1/runs/${id}`);
    if (roundB.length < MISS_REQUESTS) throw new Error("not enough completed runs in the simulator for the miss rounds");
    const directTimes = [
      ...(await timeSequential(direct.url, direct.headers, roundA)),
    ];
    const gatewayTimes = [
      ...(await timeSequential(gateway.url, gateway.headers, roundA)),
      ...(await timeSequential(gateway.url, gateway.headers, roundB)),
    ];
    directTimes.push(...(await timeSequential(direct.url, direct.headers, roundB)));

    // 2. One cached (completed) run, many connections: what the gateway serves per second.
    const cachedPath = `/api/v1/runs/${ids[0]}`;
    const cachedDirect = await measure({ ...direct, connections: CONNECTIONS, duration: CACHED_SECONDS, paths: [cachedPath] });
    const cachedGateway = await measure({ ...gateway, connections: CONNECTIONS, duration: CACHED_SECONDS, paths: [cachedPath] });
    // Next's own floor on this machine: a route handler that does nothing (no session, no upstream).
    const nextFloor = await measure({ url: stack.appOrigin, connections: CONNECTIONS, duration: CACHED_SECONDS, paths: ["/api/health"] });

    const missDirect = { p50: percentile(directTimes, 50), p99: percentile(directTimes, 99) };
    const missGateway = { p50: percentile(gatewayTimes, 50), p99: percentile(gatewayTimes, 99) };
    const report = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      miss: {
        requests_per_round: MISS_REQUESTS,
        direct: { p50_ms: round(missDirect.p50), p99_ms: round(missDirect.p99) },
        gateway: { p50_ms: round(missGateway.p50), p99_ms: round(missGateway.p99) },
        added_p50_ms: round(missGateway.p50 - missDirect.p50),
        added_p99_ms: round(missGateway.p99 - missDirect.p99),
      },
      cached: { connections: CONNECTIONS, seconds: CACHED_SECONDS, direct: cachedDirect, gateway: cachedGateway, next_health_floor: nextFloor },
      goals: {
        added_p50_at_most_3ms: missGateway.p50 - missDirect.p50 <= 3,
        added_p99_at_most_15ms: missGateway.p99 - missDirect.p99 <= 15,
        cached_rps_at_least_1500: cachedGateway.rps >= 1500,
      },
    };
    const errors = [cachedDirect, cachedGateway, nextFloor].reduce(
      (sum, m) => sum + m.errors + m.non2xx,
      0,
    );

    console.log("\nGET /api/v1/runs/{runId}: gateway vs simulator, measured in one run\n");
    console.log("cache misses (1 connection, every gateway request goes upstream):");
    console.log(`  direct   p50 ${missDirect.p50.toFixed(2)} ms   p99 ${missDirect.p99.toFixed(2)} ms`);
    console.log(`  gateway  p50 ${missGateway.p50.toFixed(2)} ms   p99 ${missGateway.p99.toFixed(2)} ms`);
    console.log(`  added    p50 ${report.miss.added_p50_ms} ms (goal ≤ 3)   p99 ${report.miss.added_p99_ms} ms (goal ≤ 15)`);
    console.log(`cached run (${CONNECTIONS} connections, ${CACHED_SECONDS} s each):`);
    console.log(`  direct   ${Math.round(cachedDirect.rps)} req/s   p50 ${cachedDirect.p50} ms   p99 ${cachedDirect.p99} ms`);
    console.log(`  gateway  ${Math.round(cachedGateway.rps)} req/s   p50 ${cachedGateway.p50} ms   p99 ${cachedGateway.p99} ms (goal ≥ 1500 req/s)`);
    console.log(`  (Next's floor: GET /api/health, no session, no upstream: ${Math.round(nextFloor.rps)} req/s)`);
    console.log(`errors or non-2xx answers: ${errors}`);

    const outDir = path.join(root, "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `gateway-latency-${report.date.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nfull figures: ${path.relative(root, outFile)}`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
