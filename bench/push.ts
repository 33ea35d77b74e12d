/**
 * `npm run bench:push [-- --runs 20 --hold 30]`: FLORA's webhooks in, live updates out,
 * against polling, side by side in one run. See bench/README.md ("Push").
 *
 * The simulator and ONE production server (scripts/serve.ts on the build in .next; a
 * SQLite store in a temp folder, no Redis) on free loopback ports, the server with
 * PUBLIC_URL = its own origin and the simulator's webhook secret, so every launch through
 * it asks for a webhook. Then:
 *   1-3. rounds of three runs, each watched by an open run page in Chromium: covered by a
 *        webhook on the stream; not covered (launched straight on the simulator) on the
 *        stream; covered but with /api/events blocked, so the page polls. Time from the
 *        webhook (or the run's end) to Completed on the page; FLORA's reads per run.
 *   4.   200 SSE streams (Node fetch, a token each) on 20 runs, held 30 s: ready, events,
 *        errors, FLORA's reads, memory per stream after a full GC.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type BrowserContext } from "@playwright/test";
import { buildIsStale } from "../scripts/lib/build-freshness";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { freePort } from "../e2e/support/free-port";
import { openInspector } from "./lib/inspector";
import { signIn } from "./lib/stack";
import { cleanUpOnSignals, onCleanUp, runBenchmark } from "./scale/cleanup";
import { startAppInstance, startSimulator } from "./scale/processes";
import { simulatorControl } from "./scale/upstream";
import { makeAccounts } from "./push/accounts";
import { runEndedAt, webhookDeliveries } from "./push/launches";
import { pageFigures, runRows } from "./push/page-figures";
import { installStatusProbe } from "./push/page-watch";
import { watchRounds, type RoundPlan } from "./push/page-rounds";
import { holdTable, pageTable, verdicts } from "./push/report";
import { holdStreams } from "./push/stream-hold";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The simulator's default secret, given to both sides explicitly. */
const WEBHOOK_SECRET = "whsec_simulator_secret";

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "20" },
      "run-seconds": { type: "string", default: "5" },
      streams: { type: "string", default: "200" },
      "stream-runs": { type: "string", default: "20" },
      hold: { type: "string", default: "30" },
    },
  });
  const whole = (name: keyof typeof values, min: number, max: number) => {
    const number = Number(values[name]);
    if (!Number.isInteger(number) || number < min || number > max) throw new Error(`--${name} takes a whole number from ${min} to ${max}, not ${values[name]}`);
    return number;
  };
  return {
    runs: whole("runs", 1, 200),
    runSeconds: whole("run-seconds", 3, 60),
    streams: whole("streams", 1, 2_000),
    streamRuns: whole("stream-runs", 1, 50),
    holdSeconds: whole("hold", 5, 600),
  };
}

async function signedInContext(browser: import("@playwright/test").Browser, origin: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 800 } });
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: origin }]);
  await installStatusProbe(context);
  return context;
}

async function main() {
  const options = parseOptions();
  cleanUpOnSignals();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build in .next: run `npm run build` first.");
  if (buildIsStale(root)) console.warn("warning: a source changed after the build in .next; the figures are for that build (run `npm run build` to measure the current sources).");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-push-"));
  onCleanUp("the temp folder", async () => fs.rmSync(dir, { recursive: true, force: true }));
  const databaseUrl = `file:${path.join(dir, "store.db")}`;
  const simulator = await startSimulator(root, { SIMULATOR_RATE_LIMIT: "0", SIMULATOR_CREDITS: "100000", SIMULATOR_WEBHOOK_SECRET: WEBHOOK_SECRET });
  const accounts = await makeAccounts(databaseUrl, options.streams);
  const port = await freePort();
  const appOrigin = `http://127.0.0.1:${port}`;
  const app = await startAppInstance(
    root,
    "the app",
    {
      DATABASE_URL: databaseUrl,
      FLORA_API_KEY: simulator.apiKey,
      FLORA_BASE_URL: `${simulator.origin}/api/v1`,
      ATELIER_UPSTREAM: "simulator",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PUBLIC_URL: appOrigin,
      FLORA_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ARCHIVE_DIR: path.join(dir, "archive"),
      ARCHIVE_RUNS: "none",
      // The benchmark measures push and polling, not a teammate's request budget.
      USER_RATE_LIMIT_PER_MINUTE: "1000000",
      LOG_LEVEL: "warn",
    },
    port,
  );
  // Opened before anything is measured, so every memory sample is taken alike.
  const inspector = await openInspector(app.pid);
  onCleanUp("the inspector connection", async () => inspector.close());

  const browser = await chromium.launch(chromiumLaunchOptions());
  onCleanUp("Chromium", () => browser.close());
  const cookie = await signIn(appOrigin, accounts.watcher.email, accounts.watcher.password);
  const streamed = await signedInContext(browser, appOrigin, cookie);
  const blocked = await signedInContext(browser, appOrigin, cookie);
  // As a proxy that drops the stream would: the page polls the gateway instead.
  await blocked.route(/\/api\/events(\?|$)/, (route) => route.abort());

  const plan: RoundPlan = {
    rounds: 1,
    runSeconds: options.runSeconds,
    appOrigin,
    simulatorOrigin: simulator.origin,
    simulatorKey: simulator.apiKey,
    launcherToken: accounts.launcherToken,
    streamed,
    blocked,
  };
  console.log(`warm-up: one round of three runs, unmeasured…`);
  await watchRounds(plan);
  console.log(`1-3: ${options.runs} rounds of three ${options.runSeconds} s runs (webhook + stream, stream without webhook, polling)…`);
  const watched = await watchRounds({ ...plan, rounds: options.runs, onRound: (round) => round % 5 === 4 && console.log(`  round ${round + 1}/${options.runs}`) });
  // The log first: reading when each run ended is itself a GET /runs/{id} at the simulator.
  const log = await simulatorControl(simulator.origin).requests();
  const deliveries = await webhookDeliveries(simulator.origin);
  const endedAt = new Map<string, number | null>();
  for (const run of watched) endedAt.set(run.runId, await runEndedAt(simulator.origin, simulator.apiKey, run.runId));
  const pages = pageFigures(watched, deliveries, endedAt, log);
  await Promise.all([streamed.close(), blocked.close()]);

  console.log(`4: ${options.streams} streams on ${options.streamRuns} runs, held ${options.holdSeconds} s…`);
  const hold = await holdStreams({
    appOrigin,
    simulatorOrigin: simulator.origin,
    launcherToken: accounts.launcherToken,
    streamTokens: accounts.streamTokens,
    streams: options.streams,
    runs: options.streamRuns,
    holdSeconds: options.holdSeconds,
    pid: app.pid,
    inspector,
  });

  const date = new Date().toISOString();
  const command = `npm run bench:push -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, "");
  const goals = verdicts(pages, hold);
  fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(root, "bench", "results", `push-${date.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ date, command, options, pages, hold, goals, runs: runRows(watched, deliveries, endedAt) }, null, 2));

  console.log(`\n${pageTable(pages)}\n\n${holdTable(hold)}\n`);
  for (const [goal, met] of Object.entries(goals)) console.log(`${met ? "met    " : "MISSED "} ${goal}`);
  console.log(`full figures: ${path.relative(root, file)}`);
}

runBenchmark(main);
