import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { findPostgresBin } from "../../lib/testing/postgres";
import { freePort } from "./free-port";
import { isPostgresUrl, sqliteFileOf, suiteStoreUrl } from "./store";

const run = promisify(execFile);

/**
 * Another dashboard process on the suite's build, for what one instance cannot show: how a
 * differently configured instance treats a store that the suite's demo instance wrote.
 */
export interface Instance {
  baseURL: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * A consistent copy of the suite's store, as a DATABASE_URL for another instance. SQLite:
 * the online backup (WAL and all) into a new file. Postgres: pg_dump of the suite's
 * database restored into a new one on the same cluster. CREATE DATABASE … TEMPLATE would
 * be quicker but refuses while anyone is connected to the source, and the suite's app is.
 */
export async function copyOfSuiteStore(): Promise<string> {
  const source = suiteStoreUrl();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-copy-"));
  if (isPostgresUrl(source)) return copyOfPostgresStore(source, dir);
  const target = path.join(dir, "store.db");
  const db = new Database(sqliteFileOf(source), { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return `file:${target}`;
}

async function copyOfPostgresStore(source: string, dir: string): Promise<string> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("copying a Postgres store needs pg_dump: no Postgres binaries under /usr/lib/postgresql/*/bin");
  const name = `atelier_copy_${randomBytes(6).toString("hex")}`;
  const target = new URL(source);
  target.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: source });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const dump = path.join(dir, "store.dump");
  // The cluster's own pg_dump, so its version matches the server's.
  await run(path.join(bin, "pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${dump}`, `--dbname=${source}`]);
  await run(path.join(bin, "pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target.toString()}`, dump]);
  return target.toString();
}

/**
 * Runs scripts/serve.ts with `env` on top of a clean environment; resolves once it answers.
 * `port`: one chosen beforehand, for an instance that must know its own URL (PUBLIC_URL).
 */
export async function startInstance(env: Record<string, string>, { port = 0 }: { port?: number } = {}): Promise<Instance> {
  port ||= await freePort();
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
