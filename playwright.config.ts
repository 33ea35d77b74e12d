import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";

/**
 * The e2e suite starts the whole product the way `npm start` does (simulator + built app)
 * on free loopback ports. Ports are chosen once in the runner process and handed to the
 * workers through the environment, which they inherit.
 */
function freeLoopbackPort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}

process.env.E2E_APP_PORT ??= freeLoopbackPort();
process.env.E2E_SIMULATOR_PORT ??= freeLoopbackPort();
process.env.E2E_SIMULATOR_KEY ??= "sk_test_e2e_simulator";
// A store of its own for every run, so users and launches from earlier runs never leak in.
process.env.E2E_DATABASE_URL ??= `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-")), "store.db")}`;
// And an output archive of its own, beside nothing the developer keeps in ./data/archive.
process.env.E2E_ARCHIVE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-archive-"));

const appOrigin = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
const chromium = { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One app and one simulator serve every test, and some tests inject upstream faults:
  // one worker keeps those faults from reaching another test's requests.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: appOrigin,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Creates the test users with the users command and signs each role in once.
    { name: "setup", testMatch: /global\.setup\.ts/, use: chromium },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...chromium, storageState: "e2e/.auth/admin.json" },
    },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${appOrigin}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      // Blank, not inherited: the suite always runs against its own simulator.
      FLORA_API_KEY: "",
      FLORA_BASE_URL: "",
      ATELIER_UPSTREAM: "",
      AUTH_SECRET: "",
      NEXTAUTH_URL: "",
      PORT: process.env.E2E_APP_PORT,
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      ARCHIVE_DIR: process.env.E2E_ARCHIVE_DIR,
      SIMULATOR_PORT: process.env.E2E_SIMULATOR_PORT,
      SIMULATOR_API_KEY: process.env.E2E_SIMULATOR_KEY,
      SIMULATOR_RUN_SECONDS: "3",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
