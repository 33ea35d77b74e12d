import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { backupPostgres } from "@/lib/backup/pg-backup";
import { restorePostgres } from "@/lib/backup/pg-restore";
import { findPgTool, pgEnvFromUrl, requirePgTool, type ToolRunner } from "@/lib/backup/pg-tools";
import { tempFolder } from "@/lib/backup/test-stores";

/** What the command was started with: kept for the child, with the URL's variables on top. */
const ENVIRONMENT = { PATH: "/usr/bin", PGHOST: "overridden", UNSET: undefined };
const URL_WITH_SECRET = "postgres://atelier:s%40cr%3At@db.internal:6543/atelier_prod?sslmode=verify-full";

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

describe("pgEnvFromUrl", () => {
  it("turns the URL into libpq variables, the password decoded", () => {
    expect(pgEnvFromUrl(URL_WITH_SECRET)).toEqual({
      PGHOST: "db.internal",
      PGPORT: "6543",
      PGUSER: "atelier",
      PGPASSWORD: "s@cr:t",
      PGDATABASE: "atelier_prod",
      PGSSLMODE: "verify-full",
    });
    expect(pgEnvFromUrl("postgresql://u@[::1]/d?ssl=true&options=-c%20search_path%3Dstore")).toEqual({
      PGHOST: "::1",
      PGUSER: "u",
      PGDATABASE: "d",
      PGSSLMODE: "require",
      PGOPTIONS: "-c search_path=store",
    });
  });

  it("refuses a parameter it cannot pass on, rather than dropping it silently", () => {
    expect(() => pgEnvFromUrl("postgres://u@h/d?keepalives_idle=3")).toThrow(/keepalives_idle/);
  });
});

describe("findPgTool", () => {
  function executable(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
  }

  it("takes PATH first, then the newest /usr/lib/postgresql/<version>/bin, and null when there is none", () => {
    const versions = folder.file("usr-lib-postgresql");
    executable(path.join(versions, "13", "bin", "pg_dump"));
    executable(path.join(versions, "15", "bin", "pg_dump"));
    executable(folder.file("bin/pg_restore"));
    expect(findPgTool("pg_dump", folder.file("empty-path"), versions)).toBe(path.join(versions, "15", "bin", "pg_dump"));
    expect(findPgTool("pg_restore", folder.file("bin"), versions)).toBe(folder.file("bin/pg_restore"));
    expect(findPgTool("pg_restore", folder.file("empty-path"), versions)).toBeNull();
  });

  it("refuses with a clear message when pg_dump is missing", () => {
    expect(() => requirePgTool("pg_dump", "", () => null)).toThrow(BackupRefusal);
    expect(() => requirePgTool("pg_dump", "", () => null)).toThrow(/pg_dump was not found .*apt-get install postgresql-client/);
  });
});

describe("backupPostgres", () => {
  it("runs pg_dump --format=custom with the connection in its environment, nothing secret on its command line", async () => {
    const run = vi.fn<ToolRunner>(async (_program, args) => {
      fs.writeFileSync(args.find((arg) => arg.startsWith("--file="))!.slice("--file=".length), "PGDMP fake archive");
      return { code: 0, stderr: "" };
    });
    const result = await backupPostgres(URL_WITH_SECRET, folder.file("b.dump"), ENVIRONMENT, { run, pgDump: "/opt/pg/pg_dump" });

    expect(result).toEqual({ file: folder.file("b.dump"), bytes: 18 });
    const [program, args, env] = run.mock.calls[0]!;
    expect(program).toBe("/opt/pg/pg_dump");
    expect(args.slice(0, 3)).toEqual(["--format=custom", "--no-owner", "--no-privileges"]);
    expect(args.join(" ")).not.toMatch(/s@cr:t|s%40cr|db\.internal|atelier_prod|postgres:/);
    expect(env).toMatchObject({ PATH: "/usr/bin", PGPASSWORD: "s@cr:t", PGHOST: "db.internal", PGDATABASE: "atelier_prod" });
    expect(env).not.toHaveProperty("UNSET");
    expect(fs.readdirSync(folder.dir)).toEqual(["b.dump"]);
  });

  it("passes pg_dump's complaint on and leaves no file when it fails", async () => {
    const run: ToolRunner = async () => ({ code: 1, stderr: "pg_dump: error: connection to server failed\n" });
    await expect(backupPostgres(URL_WITH_SECRET, folder.file("b.dump"), ENVIRONMENT, { run, pgDump: "pg_dump" })).rejects.toThrow(
      /pg_dump failed \(exit 1\): pg_dump: error: connection to server failed$/,
    );
    expect(fs.readdirSync(folder.dir)).toEqual([]);
  });
});

describe("restorePostgres", () => {
  const dump = () => {
    fs.writeFileSync(folder.file("b.dump"), "PGDMP fake archive");
    return folder.file("b.dump");
  };

  it("refuses a database with rows in it, before pg_restore runs", async () => {
    const run = vi.fn<ToolRunner>();
    await expect(
      restorePostgres(dump(), URL_WITH_SECRET, ENVIRONMENT, { run, pgRestore: "pg_restore", inspect: async () => ({ tables: 7, filled: ["users", "launches"] }) }),
    ).rejects.toThrow(/The database is not empty \(rows in users, launches\)/);
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a file that is not a pg_dump archive, and an SQLite backup by name", async () => {
    const inspect = vi.fn(async () => ({ tables: 0, filled: [] }));
    fs.writeFileSync(folder.file("s.db"), Buffer.concat([Buffer.from("SQLite format 3\0", "latin1"), Buffer.alloc(100)]));
    fs.writeFileSync(folder.file("t.txt"), "not a dump");
    await expect(restorePostgres(folder.file("s.db"), URL_WITH_SECRET, ENVIRONMENT, { pgRestore: "pg_restore", inspect })).rejects.toThrow(/is an SQLite backup/);
    await expect(restorePostgres(folder.file("t.txt"), URL_WITH_SECRET, ENVIRONMENT, { pgRestore: "pg_restore", inspect })).rejects.toThrow(/not a pg_dump archive/);
    await expect(restorePostgres(folder.file("none"), URL_WITH_SECRET, ENVIRONMENT, { pgRestore: "pg_restore", inspect })).rejects.toThrow(/There is no backup file/);
    expect(inspect).not.toHaveBeenCalled();
  });

  it("passes pg_restore's failure on: the single transaction left the database as it was", async () => {
    const run = vi.fn<ToolRunner>(async () => ({ code: 1, stderr: "pg_restore: error: could not execute query" }));
    await expect(restorePostgres(dump(), URL_WITH_SECRET, ENVIRONMENT, { run, pgRestore: "pg_restore", inspect: async () => ({ tables: 8, filled: [] }) })).rejects.toThrow(
      /pg_restore failed \(exit 1\); the database was left as it was: pg_restore: error: could not execute query/,
    );
    const [, args, env] = run.mock.calls[0]!;
    // A migrated but unused database: its empty tables are replaced.
    expect(args).toEqual(["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--clean", "--if-exists", "--dbname=atelier_prod", folder.file("b.dump")]);
    expect(env.PGPASSWORD).toBe("s@cr:t");
  });
});
