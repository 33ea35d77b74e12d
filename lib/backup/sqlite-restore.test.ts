import fs from "node:fs";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { backupSqlite } from "@/lib/backup/sqlite-backup";
import { restoreSqlite } from "@/lib/backup/sqlite-restore";
import { emailsIn, makeStore, tempFolder } from "@/lib/backup/test-stores";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { MIGRATIONS } from "@/lib/db/migrations";

let folder: ReturnType<typeof tempFolder>;
let backup: string;
beforeEach(async () => {
  folder = tempFolder();
  await makeStore(folder.file("live.db"), { emails: ["ana@example.com", "ben@example.com"] });
  backup = (await backupSqlite(folder.file("live.db"), folder.file("backup.db"))).file;
});
afterEach(() => folder.remove());

/** Files in the target's folder: a refused or failed restore leaves no staging file behind. */
const filesIn = (sub: string) => fs.readdirSync(folder.file(sub)).sort();

describe("restoreSqlite into an empty store", () => {
  it("restores into a store that does not exist yet, in a folder that does not either", async () => {
    const target = folder.file("new/atelier.db");
    const result = await restoreSqlite(backup, target);
    expect(result).toEqual({ target, migrated: [], users: 2, launches: 0 });
    expect(await emailsIn(target)).toEqual(["ana@example.com", "ben@example.com"]);
    expect(filesIn("new")).toEqual(["atelier.db"]);
  });

  it("restores over a store that was only migrated (a server started once, nobody used it), and over a zero-byte file", async () => {
    await makeStore(folder.file("migrated.db"));
    await expect(restoreSqlite(backup, folder.file("migrated.db"))).resolves.toMatchObject({ users: 2 });
    expect(await emailsIn(folder.file("migrated.db"))).toEqual(["ana@example.com", "ben@example.com"]);
    fs.writeFileSync(folder.file("zero.db"), "");
    await expect(restoreSqlite(backup, folder.file("zero.db"))).resolves.toMatchObject({ users: 2 });
  });

  it("migrates a backup from an older version (the first release's schema) cleanly", async () => {
    const names = Object.keys(MIGRATIONS);
    await makeStore(folder.file("old-live.db"), { emails: ["old@example.com"], upTo: names[0] });
    await backupSqlite(folder.file("old-live.db"), folder.file("old-backup.db"));

    const result = await restoreSqlite(folder.file("old-backup.db"), folder.file("restored.db"));

    expect(result.migrated).toEqual(names.slice(1));
    const db = openDatabase(`file:${folder.file("restored.db")}`);
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await db.selectFrom("users").select(["email", "session_version"]).execute()).toEqual([{ email: "old@example.com", session_version: 0 }]);
      expect(await db.selectFrom("activity").selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

describe("restoreSqlite refuses", () => {
  async function expectRefusal(file: string, target: string, message: RegExp) {
    const refusal = await restoreSqlite(file, target).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupRefusal);
    expect((refusal as Error).message).toMatch(message);
  }

  it("a store with a user in it, and leaves that store as it was", async () => {
    await makeStore(folder.file("busy.db"), { emails: ["keep@example.com"] });
    await expectRefusal(backup, folder.file("busy.db"), /busy\.db is not empty \(users: 1\)/);
    expect(await emailsIn(folder.file("busy.db"))).toEqual(["keep@example.com"]);
    expect(filesIn(".").filter((name) => name.includes(".restore-"))).toEqual([]);
  });

  it("a store whose only row is elsewhere than users or launches (any table with rows)", async () => {
    await makeStore(folder.file("caps.db"));
    const db = openDatabase(`file:${folder.file("caps.db")}`);
    await sql`insert into budget_caps (scope, monthly_usd, updated_at) values ('team', 100, 0)`.execute(db);
    await db.destroy();
    await expectRefusal(backup, folder.file("caps.db"), /not empty \(budget_caps: 1\)/);
  });

  it("an empty store another process has open (a running server)", async () => {
    await makeStore(folder.file("open.db"));
    const server = openDatabase(`file:${folder.file("open.db")}`);
    try {
      await sql`select 1`.execute(server);
      await expectRefusal(backup, folder.file("open.db"), /open in another process .*stop it/);
      expect(await server.selectFrom("users").selectAll().execute()).toEqual([]);
    } finally {
      await server.destroy();
    }
    await expect(restoreSqlite(backup, folder.file("open.db"))).resolves.toMatchObject({ users: 2 });
  });

  it("a target that is not an SQLite database", async () => {
    fs.writeFileSync(folder.file("notes.txt"), "my notes");
    await expectRefusal(backup, folder.file("notes.txt"), /notes\.txt \(DATABASE_URL\) is not an SQLite database/);
    expect(fs.readFileSync(folder.file("notes.txt"), "utf8")).toBe("my notes");
  });

  it("a backup file that is missing, not SQLite, or a Postgres dump", async () => {
    await expectRefusal(folder.file("nope.db"), folder.file("t.db"), /There is no backup file at .*nope\.db/);
    fs.writeFileSync(folder.file("text.db"), "hello, this is not a database");
    await expectRefusal(folder.file("text.db"), folder.file("t.db"), /text\.db is not an SQLite database/);
    fs.writeFileSync(folder.file("pg.dump"), Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(64)]));
    await expectRefusal(folder.file("pg.dump"), folder.file("t.db"), /is a Postgres backup/);
    expect(fs.existsSync(folder.file("t.db"))).toBe(false);
  });

  it("an SQLite database that is not an Atelier store", async () => {
    const other = new SQLite(folder.file("other.db"));
    other.exec("create table recipes (name text)");
    other.close();
    await expectRefusal(folder.file("other.db"), folder.file("t.db"), /not an Atelier store \(no users, launches, kysely_migration table\)/);
    expect(fs.existsSync(folder.file("t.db"))).toBe(false);
  });

  it("a damaged backup", async () => {
    const bytes = fs.readFileSync(backup);
    // Scribble over the pages after the schema page; the header stays valid.
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(folder.file("damaged.db"), bytes);
    await expectRefusal(folder.file("damaged.db"), folder.file("t.db"), /damaged\.db (is damaged|cannot be read)/);
    expect(fs.existsSync(folder.file("t.db"))).toBe(false);
  });

  it("a backup made by a newer version", async () => {
    const newer = new SQLite(backup);
    newer.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')").run();
    newer.close();
    await expectRefusal(backup, folder.file("t.db"), /made by a newer Atelier \(migrations 9999-from-the-future/);
  });

  it("a live store with its write-ahead log beside it, and the store itself", async () => {
    const server = openDatabase(`file:${folder.file("live.db")}`);
    try {
      await sql`insert into budget_caps (scope, monthly_usd, updated_at) values ('team', 5, 0)`.execute(server);
      await expectRefusal(folder.file("live.db"), folder.file("t.db"), /write-ahead log beside it/);
    } finally {
      await server.destroy();
    }
    await expectRefusal(folder.file("live.db"), folder.file("live.db"), /is the store DATABASE_URL names/);
  });
});
