import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { freePort } from "./free-port";

/**
 * Another dashboard process on the suite's build, for what one instance cannot show: how a
 * differently configured instance treats a store that the suite's demo instance wrote.
 */
export interface Instance {
  baseURL: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A consistent copy of the suite's store (SQLite's online backup, WAL and all). */
export async function copyOfSuiteStore(): Promise<string> {
  const source = (process.env.E2E_DATABASE_URL ?? "").replace(/^file:/, "");
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "atelier-copy-")), "store.db");
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

/** Runs scripts/serve.ts with `env` on top of a clean environment; resolves once it answers. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second instance exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { baseURL, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the second instance did not answer within 60 s:\n${output}`);
}

/** Runs scripts/serve.ts expecting it to refuse to start; resolves with its exit code and output. */
export function startExpectingRefusal(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", "0", "--hostname", "127.0.0.1"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
