/**
 * `npm run bench:scale [-- --seconds 20]`: two instances on one Postgres and one Redis
 * against one instance, and an instance stopped under load. See bench/README.md.
 *
 * One throwaway Postgres, one Redis, one FLORA simulator; production servers
 * (scripts/serve.ts on the build in .next) on free loopback ports. Three scenarios, side
 * by side in one run, each with fresh live runs, a warm-up, then the measured window:
 *   A. one instance, all viewers on it;
 *   B. two instances, the viewers split evenly, every run watched through both;
 *   C. as B, and instance 1 gets SIGTERM in the middle, with a launch in flight on it and
 *      one made after; viewers retry a failed poll once on the other instance.
 * Upstream figures come from the simulator's request log.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { startPostgres } from "@/lib/testing/postgres";
import { startRedis } from "@/lib/testing/redis";
import { createToken } from "@/lib/tokens/token-store";
import { addUser } from "@/lib/users/users";
import { buildIsStale } from "../scripts/lib/build-freshness";
import { cleanUpOnSignals, onCleanUp, runBenchmark } from "./scale/cleanup";
import { startAppInstance, startSimulator } from "./scale/processes";
import { launchLines, scenarioTable } from "./scale/report";
import { runScenario, type Accounts, type Load, type ScenarioResult } from "./scale/scenario";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VIEWER_ACCOUNTS = 10;

function parseLoad(): Load {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "60" },
      warmup: { type: "string", default: "10" },
      viewers: { type: "string", default: "100" },
      runs: { type: "string", default: "20" },
      "poll-ms": { type: "string", default: "2000" },
    },
  });
  const whole = (name: string, value: string, min: number, max: number) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) throw new Error(`--${name} takes a whole number from ${min} to ${max}, not ${value}`);
    return number;
  };
  return {
    seconds: whole("seconds", values.seconds, 4, 600),
    warmupSeconds: whole("warmup", values.warmup, 0, 120),
    viewers: whole("viewers", values.viewers, 2, 1_000),
    runs: whole("runs", values.runs, 1, 100),
    pollMs: whole("poll-ms", values["poll-ms"], 100, 60_000),
  };
}

/** Viewer accounts with a token each, and a member who launches; straight into the store. */
async function makeAccounts(databaseUrl: string): Promise<Accounts> {
  const db = openDatabase(databaseUrl);
  try {
    await migrateToLatest(db);
    const password = "scale-bench-password-1";
    const launcher = await addUser(db, { email: "launcher@scale.test", role: "member", password });
    const launcherToken = (await createToken(db, { owner: launcher, name: "scale launcher", expiresInDays: 1 })).token;
    const viewerTokens: string[] = [];
    for (let index = 0; index < VIEWER_ACCOUNTS; index += 1) {
      const viewer = await addUser(db, { email: `viewer-${index}@scale.test`, role: "viewer", password });
      viewerTokens.push((await createToken(db, { owner: viewer, name: "scale viewer", expiresInDays: 1 })).token);
    }
    return { viewerTokens, launcherToken, launcherId: launcher.id };
  } finally {
    await db.destroy();
  }
}

async function main() {
  const load = parseLoad();
  cleanUpOnSignals();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build in .next: run `npm run build` first.");
  if (buildIsStale(root)) console.warn("warning: a source changed after the build in .next; the figures are for that build (run `npm run build` to measure the current sources).");

  const postgres = await startPostgres();
  onCleanUp("Postgres", () => postgres.stop());
  const redis = await startRedis();
  onCleanUp("Redis", () => redis.stop());
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-scale-archive-"));
  onCleanUp("the archive folder", async () => fs.rmSync(archiveDir, { recursive: true, force: true }));
  // Every run lasts an hour: longer than the whole benchmark, so every watched run stays live.
  const simulator = await startSimulator(root, { SIMULATOR_RUN_SECONDS: "3600", SIMULATOR_RATE_LIMIT: "0", SIMULATOR_CREDITS: "100000" });
  const accounts = await makeAccounts(postgres.url);

  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    FLORA_API_KEY: simulator.apiKey,
    FLORA_BASE_URL: `${simulator.origin}/api/v1`,
    ATELIER_UPSTREAM: "simulator",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ARCHIVE_DIR: archiveDir,
    ARCHIVE_RUNS: "none",
    // The benchmark measures the instances, not a teammate's request budget.
    USER_RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
  };
  console.log(`${load.viewers} viewers polling ${load.runs} live runs every ${load.pollMs} ms; ${load.warmupSeconds} s warm-up, ${load.seconds} s measured per scenario`);
  const one = await startAppInstance(root, "instance 1", env);
  const common = { simulatorOrigin: simulator.origin, load, accounts };
  const results: ScenarioResult[] = [];
  console.log("A: one instance…");
  results.push(await runScenario({ ...common, name: "A: one instance", instances: [one] }));
  const two = await startAppInstance(root, "instance 2", env);
  console.log("B: two instances…");
  results.push(await runScenario({ ...common, name: "B: two instances", instances: [one, two] }));
  console.log(`C: two instances, instance 1 stopped at ${load.seconds / 2} s…`);
  results.push(await runScenario({ ...common, name: "C: two, one stopped", instances: [one, two], stopOneMidway: true }));

  const date = new Date().toISOString();
  fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(root, "bench", "results", `scale-${date.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ date, command: `npm run bench:scale -- ${process.argv.slice(2).join(" ")}`.trim(), load, results }, null, 2));

  const [a, b, c] = results as [ScenarioResult, ScenarioResult, ScenarioResult];
  console.log(`\n${scenarioTable(results)}\n`);
  for (const line of launchLines(c)) console.log(line);
  const launches = c.stop!.launches;
  const verdicts: Record<string, boolean> = {
    "A and B: 0 viewer errors": a.errors === 0 && b.errors === 0,
    "B: at most 1 upstream poll per run per second (busiest run)": b.upstream.maxPerRunPerSecond <= 1,
    "B: no two reads of one run under 1 s apart": b.upstream.readsUnderOneSecondApart === 0,
    "C: no answer lost (every poll got its 200, after at most one retry)": c.errors === 0,
    "C: each launch during the stop started exactly one run": launches.inFlight.runsStarted === 1 && launches.afterStop.runsStarted === 1 && launches.generationsAdded === 2,
    "C: every attempt that answered a run gave the same run": launches.inFlight.runIdsAnswered.length === 1 && launches.afterStop.runIdsAnswered.length === 1,
  };
  console.log("");
  for (const [goal, met] of Object.entries(verdicts)) console.log(`${met ? "met    " : "MISSED "} ${goal}`);
  if (Object.keys(c.firstFailures).length > 0) console.log(`C: first attempts that failed, by reason: ${JSON.stringify(c.firstFailures)}`);
  if (c.errors > 0) console.log(`C: polls lost, by reason: ${JSON.stringify(c.finalFailures)}`);
  console.log(`full figures: ${path.relative(root, file)}`);
}

runBenchmark(main);
