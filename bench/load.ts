/**
 * `npm run bench:load`: many signed-in viewers watching live runs and reloading the history,
 * as a busy team would, against the built app and the simulator. See bench/README.md.
 *
 * 200 viewers (20 viewer accounts, 10 tabs each) for BENCH_LOAD_SECONDS (default 60) s. Each
 * watches one of 20 live runs (GET /api/v1/runs/{id} every 2 s, as the run page polls) and
 * reloads page one of the history (GET /api/history/generations, what the list loads) every
 * 10 s; starts are spread over the first interval. The same load runs unmeasured for
 * BENCH_LOAD_WARMUP_SECONDS (default 20) first. Reported in one run: requests, errors,
 * p50/p95/p99 latency (all and by kind), upstream calls per run per second and per list
 * query per second (from the simulator's request log), and the server's RSS at start and end,
 * as it is and after a full GC (run through the server's inspector, see lib/inspector.ts).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/connect";
import { addUser } from "@/lib/users/users";
import { openInspector } from "./lib/inspector";
import { percentile } from "./lib/sequential";
import { signIn, startStack } from "./lib/stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 20);
const VIEWERS = Number(process.env.BENCH_LOAD_VIEWERS ?? 200);
const ACCOUNTS = 20;
const RUNS = 20;
const POLL_MS = 2_000;
const LIST_MS = 10_000;
const GOALS = { p95Ms: 250, pollsPerRunPerSecond: 1, listCallsPerQueryPerSecond: 1, rssGrowthMb: 50 };

interface Sample {
  kind: "poll" | "list";
  ms: number;
  ok: boolean;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(origin: string, pathAndQuery: string, cookie: string): Promise<{ status: number; body: string }> {
  const url = new URL(pathAndQuery, origin);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: { cookie }, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on("error", reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error("timeout")));
    request.on("error", reject);
  });
}

/** The production server's process, found by its port among this machine's processes. */
function serverPid(port: string): number {
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (command.some((part) => part.endsWith("scripts/serve.ts")) && command.includes(port)) return Number(pid);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no server process listening on port ${port}`);
}

function rssMb(pid: number): number {
  const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return rss ? Number(rss[1]) / 1024 : NaN;
}

async function control(simulatorOrigin: string, method: string, pathName: string, body?: unknown) {
  const response = await fetch(`${simulatorOrigin}/_sim/${pathName}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<Record<string, unknown>>;
}

const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;

function summarise(samples: Sample[]) {
  const ms = samples.map((sample) => sample.ms);
  return {
    requests: samples.length,
    errors: samples.filter((sample) => !sample.ok).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  };
}

async function main() {
  const stack = await startStack(root);
  const port = new URL(stack.appOrigin).port;
  try {
    // Viewers: twenty accounts, signed in once each; ten tabs share each session.
    const db = openDatabase(`file:${stack.storeFile}`);
    const emails = Array.from({ length: ACCOUNTS }, (_, index) => `viewer-${index}@bench.test`);
    for (const email of emails) await addUser(db, { email, role: "viewer", password: "bench-password-1" });
    await db.destroy();
    const cookies = await Promise.all(emails.map((email) => signIn(stack.appOrigin, email, "bench-password-1")));

    // Twenty runs that stay live for the whole measurement.
    const admin = await signIn(stack.appOrigin, "admin@atelier.local", "atelier-demo");
    await control(stack.simulatorOrigin, "POST", "credits", { balance: 10_000 });
    const runIds: string[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      const response = await fetch(`${stack.appOrigin}/api/v1/generate`, {
        method: "POST",
        headers: { cookie: admin, "content-type": "application/json", origin: stack.appOrigin },
        body: JSON.stringify({
          type: "text",
          prompt: `live run ${index} [run-seconds:${SECONDS + 60}]`,
          workspace_id: "ws_northwind",
          project_id: "prj_springcampaign",
        }),
      });
      if (!response.ok) throw new Error(`launch ${index} answered ${response.status}: ${await response.text()}`);
      runIds.push(((await response.json()) as { run_id: string }).run_id);
    }

    // The same load, unmeasured, for WARMUP_SECONDS first: the server's first minute fills
    // its caches and JIT (RSS only ever grows then), which is not the growth that matters.
    const samples: Sample[] = [];
    const timed = async (kind: Sample["kind"], pathAndQuery: string, cookie: string, record: boolean) => {
      const begun = process.hrtime.bigint();
      let ok = false;
      try {
        ok = (await get(stack.appOrigin, pathAndQuery, cookie)).status === 200;
      } catch {
        ok = false;
      }
      if (record) samples.push({ kind, ms: Number(process.hrtime.bigint() - begun) / 1e6, ok });
    };
    const load = async (seconds: number, record: boolean) => {
      const endsAt = Date.now() + seconds * 1000;
      const every = async (intervalMs: number, offsetMs: number, action: () => Promise<void>) => {
        await new Promise((resolve) => setTimeout(resolve, offsetMs));
        for (let next = Date.now(); next < endsAt; next += intervalMs) {
          await action();
          const wait = Math.min(next + intervalMs, endsAt) - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
      };
      await Promise.all(
        Array.from({ length: VIEWERS }, (_, viewer) => {
          const cookie = cookies[viewer % ACCOUNTS]!;
          const runId = runIds[viewer % RUNS]!;
          return Promise.all([
            every(POLL_MS, Math.random() * POLL_MS, () => timed("poll", `/api/v1/runs/${runId}`, cookie, record)),
            every(LIST_MS, Math.random() * LIST_MS, () => timed("list", "/api/history/generations", cookie, record)),
          ]);
        }),
      );
    };
    const pid = serverPid(port);
    // Opened before the warm-up, so both ends of the measurement run with it open.
    const inspector = await openInspector(pid);
    const rssBeforeWarmup = rssMb(pid);
    await load(WARMUP_SECONDS, false);
    await control(stack.simulatorOrigin, "DELETE", "requests");
    // RSS as it is, then after a full GC: V8 lets its old space grow under steady load and
    // collects it later, so only the second tells memory the server still holds.
    const rssStart = rssMb(pid);
    const heapStart = await inspector.collectGarbage();
    const retainedStart = rssMb(pid);
    const rssTrend: number[] = [];
    const trend = setInterval(() => rssTrend.push(Math.round(rssMb(pid))), 10_000);
    const startedAt = Date.now();
    await load(SECONDS, true);
    clearInterval(trend);
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    const rssEnd = rssMb(pid);
    const heapEnd = await inspector.collectGarbage();
    const retainedEnd = rssMb(pid);
    inspector.close();

    const upstream = ((await control(stack.simulatorOrigin, "GET", "requests")).requests ?? []) as Array<{ method: string; path: string; time: number }>;
    const perRun = runIds.map((runId) => upstream.filter((request) => request.path.startsWith(`/api/v1/runs/${runId}`)).length / elapsedSeconds);
    // List calls by (query, second): the most any one query made in any one second.
    const listBuckets = new Map<string, number>();
    for (const request of upstream.filter((entry) => entry.path.startsWith("/api/v1/generations"))) {
      const key = `${request.path} @ ${Math.floor(request.time / 1000)}`;
      listBuckets.set(key, (listBuckets.get(key) ?? 0) + 1);
    }
    const listQueries = new Set(upstream.filter((entry) => entry.path.startsWith("/api/v1/generations")).map((entry) => entry.path));
    const listCalls = upstream.filter((entry) => entry.path.startsWith("/api/v1/generations")).length;

    const all = summarise(samples);
    const results = {
      date: new Date().toISOString(),
      viewers: VIEWERS,
      accounts: ACCOUNTS,
      runs: RUNS,
      seconds: Number(elapsedSeconds.toFixed(1)),
      all,
      polls: summarise(samples.filter((sample) => sample.kind === "poll")),
      lists: summarise(samples.filter((sample) => sample.kind === "list")),
      upstream: {
        pollsPerRunPerSecondMax: Math.max(...perRun),
        pollsPerRunPerSecondMean: perRun.reduce((sum, value) => sum + value, 0) / perRun.length,
        listCalls,
        listQueries: listQueries.size,
        listCallsPerQueryPerSecond: listCalls / listQueries.size / elapsedSeconds,
        listCallsInOneSecondMax: Math.max(0, ...listBuckets.values()),
      },
      rssMb: { beforeWarmup: rssBeforeWarmup, start: rssStart, end: rssEnd, growth: rssEnd - rssStart, every10s: rssTrend },
      afterFullGcMb: {
        rssStart: retainedStart,
        rssEnd: retainedEnd,
        rssGrowth: retainedEnd - retainedStart,
        heapUsedStart: heapStart.heapUsedMb,
        heapUsedEnd: heapEnd.heapUsedMb,
      },
      goals: GOALS,
    };
    const verdicts = {
      "0 errors": all.errors === 0,
      [`p95 < ${GOALS.p95Ms} ms`]: all.p95 < GOALS.p95Ms,
      "≤ 1 upstream poll per run per second": results.upstream.pollsPerRunPerSecondMax <= GOALS.pollsPerRunPerSecond,
      "≤ 1 upstream call per list query per second": results.upstream.listCallsInOneSecondMax <= GOALS.listCallsPerQueryPerSecond,
      [`RSS growth < ${GOALS.rssGrowthMb} MB (after a full GC at both ends)`]: results.afterFullGcMb.rssGrowth < GOALS.rssGrowthMb,
    };

    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    const file = path.join(root, "bench", "results", `load-${results.date.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...results, verdicts }, null, 2));
    const row = (label: string, s: ReturnType<typeof summarise>) =>
      `${label.padEnd(6)} ${String(s.requests).padStart(7)} ${String(s.errors).padStart(6)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)}`;
    console.log(`\n${VIEWERS} viewers, ${RUNS} live runs, ${results.seconds} s`);
    console.log("kind   requests errors  p50 ms   p95 ms   p99 ms");
    console.log(row("all", all));
    console.log(row("poll", results.polls));
    console.log(row("list", results.lists));
    console.log(
      `upstream: ${results.upstream.pollsPerRunPerSecondMax.toFixed(2)} polls/run/s at most (mean ${results.upstream.pollsPerRunPerSecondMean.toFixed(2)}); ` +
        `${listCalls} list calls for ${listQueries.size} distinct queries (${results.upstream.listCallsPerQueryPerSecond.toFixed(2)}/query/s, at most ${results.upstream.listCallsInOneSecondMax} in one second) ` +
        `against ${results.lists.requests} list requests`,
    );
    console.log(
      `server RSS: ${rssBeforeWarmup.toFixed(0)} MB before a ${WARMUP_SECONDS} s warm-up of the same load, ${rssStart.toFixed(0)} MB at the start, ` +
        `${rssEnd.toFixed(0)} MB at the end (${signed(results.rssMb.growth)} MB; every 10 s: ${rssTrend.join(", ")})`,
    );
    console.log(
      `after a full GC: RSS ${retainedStart.toFixed(0)} → ${retainedEnd.toFixed(0)} MB (${signed(results.afterFullGcMb.rssGrowth)} MB), ` +
        `JS heap in use ${heapStart.heapUsedMb.toFixed(0)} → ${heapEnd.heapUsedMb.toFixed(0)} MB`,
    );
    for (const [goal, met] of Object.entries(verdicts)) console.log(`${met ? "met    " : "MISSED "} ${goal}`);
    console.log(`full figures: ${path.relative(root, file)}`);
  } finally {
    agent.destroy();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
