/**
 * Starts the product the way `npm start` does (simulator + built app) on free loopback
 * ports with a throwaway store, and signs a user in, for benchmarks to measure.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../e2e/support/free-port";

export interface Stack {
  appOrigin: string;
  /** The throwaway store's file, for adding users directly. */
  storeFile: string;
  simulatorOrigin: string;
  simulatorKey: string;
  stop(): Promise<void>;
}


async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

export async function startStack(root: string): Promise<Stack> {
  const [appPort, simulatorPort] = [await freePort(), await freePort()];
  const store = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-")), "store.db");
  const simulatorKey = "sk_test_bench";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      FLORA_API_KEY: "",
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: `file:${store}`,
      SIMULATOR_PORT: String(simulatorPort),
      SIMULATOR_API_KEY: simulatorKey,
      // The benchmark measures the gateway, not the simulator's rate limiter.
      SIMULATOR_RATE_LIMIT: "0",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const appOrigin = `http://127.0.0.1:${appPort}`;
  await waitFor(`${appOrigin}/api/health`, 240_000);
  return {
    appOrigin,
    storeFile: store,
    simulatorOrigin: `http://127.0.0.1:${simulatorPort}`,
    simulatorKey,
    async stop() {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header to send. */
export async function signIn(appOrigin: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${appOrigin}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${appOrigin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session.split(";")[0]!;
}
