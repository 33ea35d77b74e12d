import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "@/lib/testing/free-port";

/**
 * A throwaway Postgres cluster for tests: initdb in a temporary folder, started on a free
 * loopback port with trust authentication, stopped and deleted afterwards. Debian's
 * `postgresql` package provides the binaries; nothing of the package's own cluster is used.
 *
 * initdb refuses to run as root (CI and these machines run tests as root), so as root the
 * cluster belongs to the package's `postgres` user, through runuser, in a folder it owns.
 */
const run = promisify(execFile);

export interface PostgresCluster {
  /** postgres://atelier@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, or null when none is installed. */
export function findPostgresBin(root = "/usr/lib/postgresql"): string | null {
  let versions: string[];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  const bins = versions
    .filter((version) => fs.existsSync(path.join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
  return bins.length > 0 ? path.join(root, bins[0]!, "bin") : null;
}

export async function startPostgres({ bin = findPostgresBin() } = {}): Promise<PostgresCluster> {
  if (!bin) throw new Error("No Postgres binaries under /usr/lib/postgresql/*/bin: apt-get install -y postgresql");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-pg-"));
  const data = path.join(dir, "data");
  // As root, every step runs as `postgres`, which must own the folder (and reach it: mkdtemp makes it 0700).
  const as = (command: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await as(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "atelier", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await freePort();
    // A test cluster: durability is worth nothing here, speed is. Every test file opens its
    // own pools, so connections are many but short-lived.
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=400",
    ].join(" ");
    await as(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
    let stopped = false;
    return {
      url: `postgres://atelier@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        // Immediate: the data is thrown away, so there is nothing to flush.
        await as(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
        removeDir();
      },
    };
  } catch (error) {
    const log = fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8").slice(-2000) : "";
    removeDir();
    throw new Error(`Could not start a test Postgres: ${error instanceof Error ? error.message : String(error)}${log ? `\n${log}` : ""}`);
  }
}
