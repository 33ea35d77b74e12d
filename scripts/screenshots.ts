/**
 * `npm run screenshots`: the README's pictures, taken from the real thing.
 *
 * Starts Atelier the way `npm start` does on the built-in simulator (building first when
 * the build is stale), on free loopback ports with a store of its own; adds two teammates
 * with the users command and signs in as the demo admin; launches one image run so a run
 * page has something to show; then photographs the
 * main pages at desktop (1400×900) and phone (390×844) size, in the light and the dark
 * theme, into docs/screenshots/. Everything it started is stopped at the end, on failure too.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { freePort } from "../e2e/support/free-port";
import { parseEnv } from "../lib/env-schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs", "screenshots");
const START_TIMEOUT_MS = 10 * 60_000;

const SIZES = [
  { name: "desktop", viewport: { width: 1400, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;
const THEMES = ["light", "dark"] as const;
const TEAMMATES = [
  ["ines@northwind.example", "member", "Inès Duarte"],
  ["theo@northwind.example", "viewer", "Théo Martin"],
] as const;

interface Shot {
  name: string;
  path: string;
  /** Waits until the page shows what it is for. */
  ready: (page: Page) => Promise<void>;
}

function shotsFor(runId: string): Shot[] {
  return [
    { name: "history", path: "/generations", ready: (page) => page.locator('[data-hydrated="true"] [data-run-row]').first().waitFor() },
    { name: "run", path: `/runs/${runId}`, ready: (page) => page.getByTestId("run-status").filter({ hasText: "Completed" }).waitFor({ timeout: 30_000 }) },
    { name: "new-generation", path: "/new", ready: (page) => page.getByRole("form", { name: "New generation" }).waitFor() },
    { name: "technique", path: "/techniques/tech_prodshot", ready: (page) => page.getByRole("form", { name: /^Run / }).waitFor() },
    { name: "users", path: "/admin/users", ready: (page) => page.getByRole("table").first().waitFor() },
  ];
}

async function main() {
  const appPort = await freePort();
  const simulatorPort = await freePort();
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-screenshots-"));
  // As the e2e suite starts it: blank upstream settings, so it is always the simulator.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FLORA_API_KEY: "",
    FLORA_BASE_URL: "",
    ATELIER_UPSTREAM: "",
    AUTH_SECRET: "",
    NEXTAUTH_URL: "",
    PORT: String(appPort),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: `file:${path.join(storeDir, "store.db")}`,
    SIMULATOR_PORT: String(simulatorPort),
    SIMULATOR_RUN_SECONDS: "3",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const demo = parseEnv({ ...env, ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1/api/v1" });
  const origin = `http://127.0.0.1:${appPort}`;

  const app = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  let browser: Browser | undefined;
  try {
    await waitUntilHealthy(origin, app);
    for (const [email, role, name] of TEAMMATES) {
      // As an operator adds them; their passwords are thrown away with the store.
      execFileSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "users.ts"), "add", email, "--role", role, "--name", name, "--password-stdin"], {
        cwd: root,
        env,
        input: `${randomBytes(12).toString("base64url")}\n`,
        stdio: ["pipe", "ignore", "inherit"],
      });
    }
    browser = await chromium.launch(chromiumLaunchOptions());
    const storageState = await signIn(browser, origin, demo.DEMO_ADMIN_EMAIL, demo.DEMO_ADMIN_PASSWORD);
    const runId = await launchImageRun(browser, origin, storageState);

    fs.mkdirSync(outDir, { recursive: true });
    for (const size of SIZES) {
      for (const theme of THEMES) {
        const context = await browser.newContext({ baseURL: origin, viewport: size.viewport, colorScheme: theme, storageState });
        const page = await context.newPage();
        for (const shot of shotsFor(runId)) {
          await page.goto(shot.path);
          await shot.ready(page);
          await settle(page);
          const file = path.join(outDir, `${shot.name}-${size.name}-${theme}.png`);
          await page.screenshot({ path: file });
          console.log(`Wrote ${path.relative(root, file)}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await stop(app);
    fs.rmSync(storeDir, { recursive: true, force: true });
  }
}

async function waitUntilHealthy(origin: string, app: ChildProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error(`npm start stopped (exit ${app.exitCode}) before the dashboard answered.`);
    const healthy = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`The dashboard did not answer at ${origin} within ${START_TIMEOUT_MS / 60_000} minutes.`);
}

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>;

async function signIn(browser: Browser, origin: string, email: string, password: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with email and password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/generations$/);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** One run launched through the dashboard, so its page shows the prompt and who launched it. */
async function launchImageRun(browser: Browser, origin: string, storageState: StorageState): Promise<string> {
  const context = await browser.newContext({ baseURL: origin, storageState });
  const response = await context.request.post("/api/v1/generate", {
    headers: { origin },
    data: {
      workspace_id: "ws_northwind",
      project_id: "prj_springcampaign",
      type: "image",
      prompt: "A stoneware mug on a linen cloth, morning light, soft shadows",
    },
  });
  if (!response.ok()) throw new Error(`Launching the example run failed: ${response.status()} ${await response.text()}`);
  const { run_id: runId } = (await response.json()) as { run_id: string };
  await context.close();
  return runId;
}

/** Images decoded and the network quiet for a moment, within a few seconds at most. */
async function settle(page: Page) {
  await Promise.race([page.waitForLoadState("networkidle"), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await page
    .waitForFunction(() => [...document.images].every((image) => image.complete), undefined, { timeout: 5_000 })
    .catch(() => undefined);
}

/** SIGTERM, as Ctrl-C would: npm start stops the app, then the simulator, within 10 s. */
async function stop(app: ChildProcess) {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  app.kill("SIGTERM");
  const late = setTimeout(() => app.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(late);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
