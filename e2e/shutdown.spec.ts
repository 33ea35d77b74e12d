import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { rawRequest, rawSignIn } from "./support/raw-sign-in";
import { freePort } from "./support/free-port";

/**
 * `npm start` as a supervisor or a container runtime stops it: one SIGTERM to npm's pid.
 * This test starts a dashboard of its own (own ports, own store, own simulator), never the
 * suite's, and stops it with a launch in flight.
 */
const STOP_LIMIT_MS = 10_000;

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function readProc(pid: string, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return "";
  }
}

/** Processes of this test's dashboard: every one of them has the temp store path in its environment. */
function processesOf(marker: string, appPort: number): Array<{ pid: number; command: string }> {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .map((pid) => ({ pid, command: readProc(pid, "cmdline").replaceAll("\0", " ").trim() }))
    .filter(({ pid, command }) => command.includes(marker) || command.includes(`--port ${appPort}`) || readProc(pid, "environ").includes(marker))
    .map(({ pid, command }) => ({ pid: Number(pid), command }));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a SIGTERM to `npm start` stops the whole dashboard within 10 s and still records the launch in flight", async () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-shutdown-"));
  const dbFile = path.join(dir, "store.db");
  const appPort = await freePort();
  const simulatorPort = await freePort();
  const baseURL = `http://127.0.0.1:${appPort}`;
  const simulatorOrigin = `http://127.0.0.1:${simulatorPort}`;
  let output = "";

  // The environment playwright.config.ts gives the suite's own dashboard, on other ports.
  const npm: ChildProcess = spawn("npm", ["start"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      FLORA_API_KEY: "",
      FLORA_BASE_URL: "",
      ATELIER_UPSTREAM: "",
      AUTH_SECRET: "",
      NEXTAUTH_URL: "",
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      SIMULATOR_PORT: String(simulatorPort),
      SIMULATOR_API_KEY: "sk_test_shutdown_simulator",
      SIMULATOR_RUN_SECONDS: "3",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  npm.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const npmExited = new Promise<number>((resolve) => npm.once("exit", () => resolve(Date.now())));

  try {
    // Up: the app answers (the first start may build first).
    const upBy = Date.now() + 100_000;
    while (!(await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false))) {
      if (npm.exitCode !== null || npm.signalCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > upBy) throw new Error(`the dashboard did not answer within 100 s:\n${output}`);
      await pause(250);
    }

    const { sessionCookie, error } = await rawSignIn(baseURL, "admin@atelier.local", "atelier-demo");
    expect(error).toBeNull();

    // FLORA takes 3 s to answer the launch, so the stop comes while it is in flight.
    const fault = await fetch(`${simulatorOrigin}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: "POST", path: "/generate", fault: { kind: "delay", ms: 3_000 } }),
    });
    expect(fault.ok).toBe(true);
    const launch = rawRequest(`${baseURL}/api/v1/generate`, {
      method: "POST",
      headers: { cookie: sessionCookie!, "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ type: "text", prompt: "x", workspace_id: "ws_northwind", project_id: "prj_springcampaign" }),
    }).catch((failure: unknown) => ({ status: 0, headers: {}, body: String(failure) }));

    // The launch has reached FLORA (the simulator logs a request as it arrives).
    await expect
      .poll(async () => {
        const log = (await (await fetch(`${simulatorOrigin}/_sim/requests`)).json()) as { requests: Array<{ method: string; path: string }> };
        return log.requests.some((request) => request.method === "POST" && request.path.includes("/generate"));
      }, { timeout: 10_000, intervals: [50] })
      .toBe(true);

    const signalledAt = Date.now();
    process.kill(npm.pid!, "SIGTERM");

    const answer = await launch;
    expect(answer.status, answer.body).toBe(200);
    const runId = (JSON.parse(answer.body) as { run_id: string }).run_id;
    expect(runId).toMatch(/^run_/);

    // Gone: npm, the start script, the app and the simulator, within the limit.
    const exitedAt = await Promise.race([npmExited, pause(STOP_LIMIT_MS + 1_000).then(() => Number.POSITIVE_INFINITY)]);
    let left = processesOf(dir, appPort);
    while (left.length > 0 && Date.now() - signalledAt < STOP_LIMIT_MS) {
      await pause(100);
      left = processesOf(dir, appPort);
    }
    const stopMs = Math.max(exitedAt, Date.now()) - signalledAt;
    test.info().annotations.push({ type: "stop time", description: `${stopMs} ms` });
    expect(exitedAt - signalledAt, `npm start still running:\n${output}`).toBeLessThan(STOP_LIMIT_MS);
    expect(left, `processes left behind:\n${output}`).toEqual([]);
    expect(stopMs).toBeLessThan(STOP_LIMIT_MS);
    expect(await accepts(appPort)).toBe(false);
    expect(await accepts(simulatorPort)).toBe(false);

    // The launch is recorded as confirmed, and the store was closed cleanly (its WAL folded in).
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const launches = db.prepare("select status, run_id from launches").all() as Array<{ status: string; run_id: string | null }>;
      expect(launches).toEqual([{ status: "confirmed", run_id: runId }]);
    } finally {
      db.close();
    }
  } finally {
    // A failed test must not leave its dashboard running.
    for (const { pid } of processesOf(dir, appPort)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
