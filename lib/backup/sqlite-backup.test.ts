import fs from "node:fs";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { backupSqlite } from "@/lib/backup/sqlite-backup";
import { emailsIn, insertUser, makeStore, tempFolder } from "@/lib/backup/test-stores";
import { openDatabase } from "@/lib/db/connect";

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

describe("backupSqlite", () => {
  it("copies a store still open in WAL mode, including commits not yet checkpointed, into one self-contained file", async () => {
    const live = folder.file("live.db");
    await makeStore(live, { emails: ["ana@example.com"] });
    const server = openDatabase(`file:${live}`);
    try {
      await insertUser(server, "ben@example.com");
      // Ben's row is in the -wal file only: a plain copy of live.db would miss it.
      expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(0);

      const result = await backupSqlite(live, folder.file("out/backup.db"));

      expect(result).toEqual({ file: folder.file("out/backup.db"), bytes: fs.statSync(folder.file("out/backup.db")).size });
      expect(fs.readdirSync(folder.file("out"))).toEqual(["backup.db"]);
      const copy = new SQLite(result.file, { readonly: true });
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      copy.close();
      expect(await emailsIn(result.file)).toEqual(["ana@example.com", "ben@example.com"]);
    } finally {
      await server.destroy();
    }
  });

  it("is a consistent snapshot: a write transaction still open in the server is not in it, and does not block it", async () => {
    const live = folder.file("live.db");
    await makeStore(live, { emails: ["ana@example.com"] });
    const server = openDatabase(`file:${live}`);
    try {
      await server.transaction().execute(async (trx) => {
        await insertUser(trx, "half@example.com");
        await backupSqlite(live, folder.file("snapshot.db"));
      });
      expect(await emailsIn(folder.file("snapshot.db"))).toEqual(["ana@example.com"]);
      expect(await emailsIn(live)).toEqual(["ana@example.com", "half@example.com"]);
    } finally {
      await server.destroy();
    }
  });

  it("refuses to overwrite an existing file, and leaves it as it was", async () => {
    const live = folder.file("live.db");
    await makeStore(live);
    fs.writeFileSync(folder.file("old.db"), "yesterday's backup");
    await expect(backupSqlite(live, folder.file("old.db"))).rejects.toThrow(BackupRefusal);
    await expect(backupSqlite(live, folder.file("old.db"))).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(folder.file("old.db"), "utf8")).toBe("yesterday's backup");
    expect(fs.readdirSync(folder.dir).sort()).toEqual(["live.db", "old.db"]);
  });

  it("refuses a store that does not exist instead of creating an empty one", async () => {
    await expect(backupSqlite(folder.file("missing.db"), folder.file("b.db"))).rejects.toThrow(/There is no store at .*missing\.db/);
    expect(fs.readdirSync(folder.dir)).toEqual([]);
  });
});
