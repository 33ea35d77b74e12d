import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgresBin } from "../../lib/testing/postgres";

/**
 * The throwaway Postgres cluster `npm run test:e2e:pg` puts every stack's store on: the same
 * cluster lib/testing/postgres.ts makes for the unit suite (initdb, trust, loopback, a free
 * port, owned by `postgres` when run as root), but started synchronously, because it has to
 * be up while playwright.config.ts is still being read: Playwright starts the webServers
 * before any globalSetup, and the apps migrate their stores as they start.
 */
export interface SyncPostgresCluster {
  /** postgres://atelier@127.0.0.1:PORT/postgres */
  url: string;
  /** Creates an empty database on the cluster and returns its URL. */
  createDatabase(name: string): string;
  /** Stops the cluster and deletes its folder; synchronous, so it can run on process exit. */
  stop(): void;
}

const freePortScript =
  "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";

export function startPostgresSync(bin = findPostgresBin()): SyncPostgresCluster {
  if (!bin) throw new Error("E2E_STORE=postgres: no Postgres binaries under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-e2e-pg-"));
  const data = path.join(dir, "data");
  // initdb refuses root: as root the cluster is the `postgres` user's, in a folder it owns.
  const as = (command: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" }) : execFileSync(command, args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  try {
    as(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "atelier", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = execFileSync(process.execPath, ["-e", freePortScript]).toString().trim();
    // Durability is worth nothing for a store thrown away after the run; speed is.
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300"];
    as(path.join(bin, "pg_ctl"), ["-D", data, "-o", options.join(" "), "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
    let stopped = false;
    return {
      url: `postgres://atelier@127.0.0.1:${port}/postgres`,
      createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
        execFileSync(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", port, "-U", "atelier", name], { stdio: "pipe" });
        return `postgres://atelier@127.0.0.1:${port}/${name}`;
      },
      stop() {
        if (stopped) return;
        stopped = true;
        // Immediate: the data is thrown away, so there is nothing to flush or wait for.
        try {
          as(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
        } catch {
          // Already gone; the folder goes anyway.
        }
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8").slice(-2000) : "";
    try {
      as(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // It never started.
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`E2E_STORE=postgres: could not start a test Postgres: ${error instanceof Error ? error.message : String(error)}\n${stderr}${log}`);
  }
}
