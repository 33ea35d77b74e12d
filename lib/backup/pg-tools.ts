import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BackupRefusal } from "@/lib/backup/backup-errors";

/** The environment the command was started with (process.env, passed in by the script). */
export type Environment = Record<string, string | undefined>;

export function definedOnly(environment: Environment): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** libpq's environment variables for the query parameters a connection URL may carry. */
const PARAM_ENV: Record<string, string> = {
  host: "PGHOST",
  port: "PGPORT",
  user: "PGUSER",
  password: "PGPASSWORD",
  dbname: "PGDATABASE",
  sslmode: "PGSSLMODE",
  sslrootcert: "PGSSLROOTCERT",
  sslcert: "PGSSLCERT",
  sslkey: "PGSSLKEY",
  sslcrl: "PGSSLCRL",
  application_name: "PGAPPNAME",
  connect_timeout: "PGCONNECT_TIMEOUT",
  options: "PGOPTIONS",
  target_session_attrs: "PGTARGETSESSIONATTRS",
};

/**
 * A `postgres://user:password@host:port/db?sslmode=…` URL → libpq environment variables, so
 * pg_dump and pg_restore get the connection (password included) from their environment and
 * nothing secret appears on a command line, where `ps` shows it to every user of the machine.
 */
export function pgEnvFromUrl(databaseUrl: string): Record<string, string> {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new BackupRefusal("DATABASE_URL is not a valid postgres:// URL.");
  }
  const env: Record<string, string> = {};
  if (url.hostname) env.PGHOST = decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, "$1");
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (database) env.PGDATABASE = database;
  for (const [name, value] of url.searchParams) {
    // node-postgres's `ssl=true` is libpq's sslmode=require.
    if (name === "ssl") {
      if (value === "true" || value === "1") env.PGSSLMODE ??= "require";
      continue;
    }
    const variable = PARAM_ENV[name];
    if (!variable) throw new BackupRefusal(`DATABASE_URL has a parameter pg_dump cannot be given safely here (${name}); remove it or set the matching PG* variable yourself.`);
    env[variable] = value;
  }
  return env;
}

/** The database name to hand pg_restore's --dbname: a name, never a connection string with a password in it. */
export function pgDatabaseName(env: Record<string, string>): string {
  const name = env.PGDATABASE ?? env.PGUSER ?? "postgres";
  // libpq reads a --dbname containing "=" or a URI prefix as a connection string.
  if (name.includes("=") || /^postgres(ql)?:/i.test(name)) throw new BackupRefusal(`The database name ${JSON.stringify(name)} cannot be passed to pg_restore safely.`);
  return name;
}

/**
 * Where a Postgres client program is: on PATH first, then Debian's versioned folders
 * (/usr/lib/postgresql/<version>/bin), newest first, as pg_dump refuses servers newer than itself.
 */
export function findPgTool(name: "pg_dump" | "pg_restore", searchPath: string, versionsRoot = "/usr/lib/postgresql"): string | null {
  for (const folder of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(versionsRoot).filter((entry) => /^\d+(\.\d+)?$/.test(entry));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = path.join(versionsRoot, version, "bin", name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function requirePgTool(name: "pg_dump" | "pg_restore", searchPath: string, find: typeof findPgTool = findPgTool): string {
  const found = find(name, searchPath);
  if (!found) {
    throw new BackupRefusal(
      `${name} was not found (looked on PATH and in /usr/lib/postgresql/*/bin). Install the Postgres client programs of your server's major version (Debian/Ubuntu: apt-get install postgresql-client), or run ${name} yourself: see the README's Backups section.`,
    );
  }
  return found;
}

export interface ToolRun {
  code: number;
  stderr: string;
}

/** Runs a client program with `env` as its whole environment (the caller's, plus the connection); resolves with its exit code and stderr. */
export type ToolRunner = (program: string, args: string[], env: Record<string, string>) => Promise<ToolRun>;

export const runTool: ToolRunner = (program, args, env) =>
  new Promise((resolve, reject) => {
    // Cast: Next's types make NODE_ENV a required key of ProcessEnv; the child needs no such promise.
    const child = spawn(program, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
