import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";
import { startPostgresSync, type SyncPostgresCluster } from "./e2e/support/postgres-cluster";

/**
 * The e2e suite starts the whole product the way `npm start` does (simulator + built app)
 * on free loopback ports: one such stack per worker, each with its own store, archive and
 * simulator, so a fault one test injects, or a cap it sets, never reaches another worker's
 * requests. Ports are chosen once in the runner process and handed to the workers through
 * the environment, which they inherit; each worker loads this file again and takes the
 * stack of its parallel index (TEST_PARALLEL_INDEX, unique among the workers running).
 */
function freeLoopbackPort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}

// A store named from outside (E2E_DATABASE_URL) is one store, so one stack and one worker.
// The runner decides; the workers inherit E2E_STACKS.
const stackCount = Number(process.env.E2E_STACKS ?? (process.env.E2E_DATABASE_URL ? 1 : (process.env.E2E_WORKERS ?? 2)));
process.env.E2E_SIMULATOR_KEY ??= "sk_test_e2e_simulator";

// E2E_STORE=postgres (`npm run test:e2e:pg`): the stores are databases on one throwaway
// Postgres cluster instead of SQLite files. Started here, in the runner only (the workers
// inherit E2E_POSTGRES_URL and their stores' URLs), because Playwright starts the
// webServers before any globalSetup; stopped when the runner exits, after the webServers.
const storeKind = process.env.E2E_STORE || "sqlite";
if (storeKind !== "sqlite" && storeKind !== "postgres") throw new Error(`E2E_STORE is "${storeKind}"; expected sqlite or postgres`);
let postgres: SyncPostgresCluster | undefined;
if (storeKind === "postgres" && !process.env.E2E_DATABASE_URL && !process.env.E2E_POSTGRES_URL) {
  const cluster = startPostgresSync();
  postgres = cluster;
  process.env.E2E_POSTGRES_URL = cluster.url;
  process.once("exit", () => cluster.stop());
}
const newStore = (stack: number) =>
  postgres ? postgres.createDatabase(`atelier_e2e_${stack}`) : `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-")), "store.db")}`;

for (let stack = 0; stack < stackCount; stack += 1) {
  process.env[`E2E_APP_PORT_${stack}`] ??= freeLoopbackPort();
  process.env[`E2E_SIMULATOR_PORT_${stack}`] ??= freeLoopbackPort();
  // A store of its own for every run, so users and launches from earlier runs never leak in.
  process.env[`E2E_DATABASE_URL_${stack}`] ??= (stack === 0 && process.env.E2E_DATABASE_URL) || newStore(stack);
  // And an output archive of its own, beside nothing the developer keeps in ./data/archive.
  process.env[`E2E_ARCHIVE_DIR_${stack}`] ??= fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-archive-"));
}
process.env.E2E_STACKS = String(stackCount);

/** The unsuffixed names the specs read are this process's stack (the runner's is stack 0). */
const ownStack = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % stackCount;
process.env.E2E_STACK = String(ownStack);
for (const name of ["E2E_APP_PORT", "E2E_SIMULATOR_PORT", "E2E_DATABASE_URL", "E2E_ARCHIVE_DIR"]) {
  process.env[name] = process.env[`${name}_${ownStack}`];
}

const originOf = (stack: number) => `http://127.0.0.1:${process.env[`E2E_APP_PORT_${stack}`]}`;
const chromium = { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // A worker per stack: the tests of one file run in order in one worker, against its stack.
  workers: stackCount,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: originOf(ownStack),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Creates the test users with the users command and signs each role in once, on every stack.
    { name: "setup", testMatch: /global\.setup\.ts/, use: chromium },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...chromium, storageState: `e2e/.auth/stack${ownStack}/admin.json` },
    },
  ],
  // Started one after the other, so at most one of them builds a stale app.
  webServer: Array.from({ length: stackCount }, (_, stack) => ({
    command: "node --import tsx scripts/start.ts",
    url: `${originOf(stack)}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      // Blank, not inherited: the suite always runs against its own simulator.
      FLORA_API_KEY: "",
      FLORA_BASE_URL: "",
      ATELIER_UPSTREAM: "",
      AUTH_SECRET: "",
      NEXTAUTH_URL: "",
      PORT: process.env[`E2E_APP_PORT_${stack}`]!,
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: process.env[`E2E_DATABASE_URL_${stack}`]!,
      ARCHIVE_DIR: process.env[`E2E_ARCHIVE_DIR_${stack}`]!,
      SIMULATOR_PORT: process.env[`E2E_SIMULATOR_PORT_${stack}`]!,
      SIMULATOR_API_KEY: process.env.E2E_SIMULATOR_KEY!,
      SIMULATOR_RUN_SECONDS: "3",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  })),
});
