import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { containerCommand, execForm, readDockerfile } from "../deploy/dockerfile";
import { freePort } from "./support/free-port";
import { simulatorKey, simulatorOrigin } from "./support/simulator";
import { isPostgresUrl, sqliteFileOf, suiteStoreUrl } from "./support/store";

// Signed out: a load balancer's probe has no session.
test.use({ storageState: { cookies: [], origins: [] } });

test("GET /api/health answers without a session, reports its checks and reveals no secret", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({
    status: "ok",
    upstream: "simulator",
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    checks: { store: { status: "ok" }, redis: { status: "off" }, archive: { status: "ok" } },
  });

  const raw = JSON.stringify({ body: await response.text(), headers: response.headers() });
  expect(raw).not.toContain(simulatorKey);
  // Where the store is: the SQLite file's path, or the Postgres URL and its host:port/database.
  const store = suiteStoreUrl();
  if (isPostgresUrl(store)) {
    const url = new URL(store);
    expect(raw).not.toContain(store);
    expect(raw).not.toContain(`${url.host}${url.pathname}`);
  } else {
    expect(raw).not.toContain(sqliteFileOf(store));
  }
});

/**
 * The Docker image's CMD and HEALTHCHECK, read from the Dockerfile and run here as they are
 * (no Docker engine on these machines), with the image's ENV, against the suite's simulator
 * as if it were FLORA. The build is the suite's own, as the image's is its build stage's.
 */
test.describe("the container's command", () => {
  const stages = readDockerfile();
  const runtime = stages.at(-1)!;
  const [program, ...args] = containerCommand(stages);
  const imageEnv = Object.fromEntries(
    runtime.instructions.filter((instruction) => instruction.keyword === "ENV").flatMap((env) => [...env.args.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1]!, match[2]!])),
  );
  const healthcheck = execForm(runtime.instructions.find((instruction) => instruction.keyword === "HEALTHCHECK")!.args.replace(/^(--\S+\s+)*CMD\s+/, ""));

  /** A clean environment: the image's ENV, a fresh store and archive, and `extra`. */
  function containerEnv(port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-container-"));
    // NODE_ENV is the image's too (checked in deploy/dockerfile.test.ts); named for the types.
    return { PATH: process.env.PATH, NODE_ENV: "production", ...imageEnv, PORT: String(port), DATABASE_URL: `file:${data}/atelier.db`, ARCHIVE_DIR: `${data}/archive`, ...extra };
  }

  function run(env: NodeJS.ProcessEnv) {
    let output = "";
    const child = spawn(program!, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    return { child, exited, output: () => output };
  }

  test("serves /api/health against FLORA's API, passes the HEALTHCHECK and stops cleanly on SIGTERM", async () => {
    test.setTimeout(90_000);
    const port = await freePort();
    const server = run(containerEnv(port, { FLORA_API_KEY: simulatorKey, FLORA_BASE_URL: `${simulatorOrigin}/api/v1`, AUTH_SECRET: randomBytes(32).toString("base64url") }));
    try {
      const url = `http://127.0.0.1:${port}/api/health`;
      await expect
        .poll(async () => (server.child.exitCode === null ? fetch(url).then((response) => response.status, () => 0) : -1), { timeout: 60_000, intervals: [250] })
        .toBe(200);
      // Each check has 1 s; on a machine this loaded, a cold instance's first report can find
      // the archive slower than that (`degraded`, still 200), as a load balancer would see it.
      // The report is kept 2 s: the instance must be wholly `ok` within the next few.
      let body: unknown;
      await expect
        .poll(async () => (body = await (await fetch(url)).json()), { timeout: 10_000, intervals: [500] })
        .toMatchObject({ status: "ok" });
      // Not the demo: the same server a real deployment runs, with no simulator of its own.
      expect(body).toMatchObject({ status: "ok", upstream: "flora", checks: { store: { status: "ok" }, redis: { status: "off" }, archive: { status: "ok" } } });
      expect(server.output()).not.toMatch(/simulator: http|Building the dashboard/i);

      const probe = spawnSync(healthcheck[0]!, healthcheck.slice(1), { env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port) }, timeout: 10_000 });
      expect(probe.status).toBe(0);
    } finally {
      server.child.kill("SIGTERM");
    }
    const started = Date.now();
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("refuses to start without FLORA_API_KEY or AUTH_SECRET, naming what is missing", async () => {
    test.setTimeout(60_000);
    const withoutSecret = run(containerEnv(await freePort(), { FLORA_API_KEY: simulatorKey, FLORA_BASE_URL: `${simulatorOrigin}/api/v1` }));
    expect(await withoutSecret.exited).not.toBe(0);
    expect(withoutSecret.output()).toContain("AUTH_SECRET is not set");

    const withoutKey = run(containerEnv(await freePort(), { AUTH_SECRET: randomBytes(32).toString("base64url") }));
    expect(await withoutKey.exited).not.toBe(0);
    expect(withoutKey.output()).toContain("FLORA_API_KEY is not set");
  });
});
