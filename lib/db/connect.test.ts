import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { MIGRATIONS } from "@/lib/db/migrations";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("migrations", () => {
  it("create every table in a new file, in a folder that did not exist, and are idempotent", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-db-"));
    folders.push(folder);
    const url = `file:${path.join(folder, "nested", "store.db")}`;

    const db = openDatabase(url);
    expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS));
    expect(Object.keys(MIGRATIONS).slice(0, 2)).toEqual(["0001-users-and-launches", "0002-session-version"]);
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual(expect.arrayContaining(["activity", "api_tokens", "budget_caps", "launches", "users"]));
    const launchColumns = (await db.introspection.getTables())
      .find((table) => table.name === "launches")!
      .columns.map((column) => column.name);
    expect(launchColumns).toEqual(
      expect.arrayContaining(["run_id", "user_id", "user_email", "prompt", "params_json", "idempotency_key", "status"]),
    );
    const userColumns = (await db.introspection.getTables()).find((table) => table.name === "users")!.columns;
    expect(userColumns.find((column) => column.name === "session_version")).toMatchObject({ isNullable: false, hasDefaultValue: true });
    await db.destroy();
    expect(fs.existsSync(path.join(folder, "nested", "store.db"))).toBe(true);
  });
});

describe("parseDatabaseUrl", () => {
  const sqliteFile = (url: string) => {
    const target = parseDatabaseUrl(url, "/srv/app");
    if (target.dialect !== "sqlite") throw new Error(`${url} was read as ${target.dialect}`);
    return target.filename;
  };

  it("reads SQLite paths in every accepted spelling", () => {
    expect(parseDatabaseUrl("file:./data/a.db", "/srv/app")).toEqual({ dialect: "sqlite", filename: "/srv/app/data/a.db" });
    expect(sqliteFile("sqlite:///var/lib/a.db")).toBe("/var/lib/a.db");
    expect(sqliteFile("data/b.db")).toBe("/srv/app/data/b.db");
    expect(sqliteFile(":memory:")).toBe(":memory:");
    // A file whose name merely starts like the scheme is still a file.
    expect(sqliteFile("postgres-backup.db")).toBe("/srv/app/postgres-backup.db");
  });

  it("reads postgres:// and postgresql:// as Postgres, handing the URL over untouched", () => {
    const url = "postgres://atelier:s%40cret@db.internal:5433/atelier?sslmode=require";
    expect(parseDatabaseUrl(url, "/srv/app")).toEqual({ dialect: "postgres", connectionString: url });
    expect(parseDatabaseUrl("postgresql://db/atelier", "/")).toEqual({ dialect: "postgres", connectionString: "postgresql://db/atelier" });
    expect(parseDatabaseUrl("POSTGRES://db/atelier", "/").dialect).toBe("postgres");
    // libpq's spelling of a Unix socket: the host in the query.
    expect(parseDatabaseUrl("postgres:///atelier?host=/var/run/postgresql", "/").dialect).toBe("postgres");
  });

  it("says plainly what it cannot open", () => {
    expect(() => parseDatabaseUrl("postgres://", "/")).toThrow(/names no host/);
    expect(() => parseDatabaseUrl("postgres://[broken/atelier", "/")).toThrow(/not a Postgres URL/);
    expect(() => parseDatabaseUrl("file:", "/")).toThrow(/path is empty/);
  });
});
