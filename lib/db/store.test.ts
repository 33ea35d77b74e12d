import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeStore, getStore } from "@/lib/db/store";

let dir: string;
let url: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-store-"));
  url = `file:${path.join(dir, "store.db")}`;
});
afterEach(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("closeStore", () => {
  it("closes the process's handle cleanly: the WAL is checkpointed and removed", async () => {
    const db = await getStore(url);
    await sql`create table marks (id integer)`.execute(db);
    await sql`insert into marks values (1)`.execute(db);
    expect(fs.existsSync(path.join(dir, "store.db-wal"))).toBe(true);

    await closeStore();

    expect(fs.existsSync(path.join(dir, "store.db-wal"))).toBe(false);
    await expect(sql`select 1`.execute(db)).rejects.toThrow(/destroyed/);
  });

  it("lets a later getStore open a new handle", async () => {
    const first = await getStore(url);
    await closeStore();
    const second = await getStore(url);
    expect(second).not.toBe(first);
    await expect(sql`select 1 as one`.execute(second)).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it("waits for a migration in progress instead of closing under it", async () => {
    const ready = getStore(url);
    await closeStore();
    const db = await ready;
    // The migration finished before the handle closed, so the file is fully migrated.
    const check = await getStore(url);
    const tables = await sql<{ name: string }>`select name from sqlite_master where name = 'launches'`.execute(check);
    expect(tables.rows).toHaveLength(1);
    await expect(sql`select 1`.execute(db)).rejects.toThrow(/destroyed/);
  });

  it("closes the handle even when its migration failed", async () => {
    // A table in the way makes the first migration fail.
    const blocker = new Database(path.join(dir, "store.db"));
    blocker.exec("create table users (id integer)");
    blocker.close();
    await expect(getStore(url)).rejects.toThrow(/Migration/);

    await closeStore();

    // The failed store's handle was closed, so its WAL is gone too.
    expect(fs.existsSync(path.join(dir, "store.db-wal"))).toBe(false);
  });

  it("does nothing when no store was opened", async () => {
    await expect(closeStore()).resolves.toBeUndefined();
  });
});
