import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BACKUP_USAGE, runBackupCommand } from "@/lib/backup/backup-command";
import { RESTORE_USAGE, runRestoreCommand } from "@/lib/backup/restore-command";
import { defaultBackupFile, formatBytes } from "@/lib/backup/store-location";
import { emailsIn, makeStore, tempFolder } from "@/lib/backup/test-stores";

let folder: ReturnType<typeof tempFolder>;
let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
beforeEach(async () => {
  folder = tempFolder();
  out = [];
  err = [];
  await makeStore(folder.file("data/atelier.db"), { emails: ["ana@example.com"] });
});
afterEach(() => folder.remove());

const STORE = "file:./data/atelier.db";
const NOW = new Date("2026-11-29T03:50:07.123Z");

describe("npm run db:backup [FILE]", () => {
  it("without FILE writes ./data/backups/atelier-<UTC time>.db and prints its name and size", async () => {
    expect(await runBackupCommand([], { DATABASE_URL: STORE }, io, NOW, folder.dir)).toBe(0);
    const file = folder.file("data/backups/atelier-20261129T035007Z.db");
    expect(out).toEqual([`Backed up the store to ${file} (${formatBytes(fs.statSync(file).size)}).`]);
    expect(out[0]).toMatch(/\(\d+\.\d KiB\)\.$/);
    expect(err).toEqual([]);
  });

  it("writes FILE relative to the working directory, and refuses (1) when it exists", async () => {
    expect(await runBackupCommand(["nightly.db"], { DATABASE_URL: STORE }, io, NOW, folder.dir)).toBe(0);
    expect(await emailsIn(folder.file("nightly.db"))).toEqual(["ana@example.com"]);
    expect(await runBackupCommand(["nightly.db"], { DATABASE_URL: STORE }, io, NOW, folder.dir)).toBe(1);
    expect(err).toEqual([`db:backup: ${folder.file("nightly.db")} already exists: give a new file name, or move the old backup away.`]);
  });

  it("usage errors exit 2 with the usage; --help exits 0", async () => {
    expect(await runBackupCommand(["a.db", "b.db"], { DATABASE_URL: STORE }, io, NOW, folder.dir)).toBe(2);
    expect(await runBackupCommand(["--force"], { DATABASE_URL: STORE }, io, NOW, folder.dir)).toBe(2);
    expect(err[0]).toBe(`db:backup: db:backup takes at most one FILE.\n\n${BACKUP_USAGE}`);
    expect(err[1]).toMatch(/^db:backup: Unknown option '--force'/);
    expect(fs.existsSync(folder.file("a.db"))).toBe(false);
    expect(await runBackupCommand(["--help"], { DATABASE_URL: STORE }, io, NOW, folder.dir)).toBe(0);
    expect(out).toEqual([BACKUP_USAGE]);
  });

  it("refuses (1) a store in memory and a store file that does not exist", async () => {
    expect(await runBackupCommand([], { DATABASE_URL: ":memory:" }, io, NOW, folder.dir)).toBe(1);
    expect(await runBackupCommand([], { DATABASE_URL: "file:./data/other.db" }, io, NOW, folder.dir)).toBe(1);
    expect(err[0]).toMatch(/^db:backup: DATABASE_URL is :memory:/);
    expect(err[1]).toMatch(/^db:backup: There is no store at .*other\.db/);
    expect(fs.existsSync(folder.file("data/other.db"))).toBe(false);
  });
});

describe("npm run db:restore FILE", () => {
  it("restores a backup into an empty store and prints what it holds", async () => {
    await runBackupCommand(["b.db"], { DATABASE_URL: STORE }, io, NOW, folder.dir);
    expect(await runRestoreCommand(["b.db"], { DATABASE_URL: "file:./elsewhere/new.db" }, io, folder.dir)).toBe(0);
    expect(out[1]).toBe(`Restored ${folder.file("b.db")} into ${folder.file("elsewhere/new.db")} (users: 1, launches: 0).`);
    expect(await emailsIn(folder.file("elsewhere/new.db"))).toEqual(["ana@example.com"]);
  });

  it("refuses (1) a store that is not empty and a missing file", async () => {
    await runBackupCommand(["b.db"], { DATABASE_URL: STORE }, io, NOW, folder.dir);
    expect(await runRestoreCommand(["b.db"], { DATABASE_URL: STORE }, io, folder.dir)).toBe(1);
    expect(await runRestoreCommand(["missing.db"], { DATABASE_URL: "file:./new.db" }, io, folder.dir)).toBe(1);
    expect(err[0]).toMatch(/^db:restore: .*atelier\.db is not empty \(users: 1\)\. A restore only goes into an empty store/);
    expect(err[1]).toBe(`db:restore: There is no backup file at ${folder.file("missing.db")}.`);
  });

  it("usage errors exit 2: no FILE, two FILEs, an unknown option", async () => {
    expect(await runRestoreCommand([], { DATABASE_URL: STORE }, io, folder.dir)).toBe(2);
    expect(await runRestoreCommand(["a.db", "b.db"], { DATABASE_URL: STORE }, io, folder.dir)).toBe(2);
    expect(await runRestoreCommand(["--yes", "a.db"], { DATABASE_URL: STORE }, io, folder.dir)).toBe(2);
    expect(err[0]).toBe(`db:restore: db:restore needs the backup FILE.\n\n${RESTORE_USAGE}`);
    expect(err[1]).toMatch(/^db:restore: db:restore takes one FILE\./);
    expect(err[2]).toMatch(/^db:restore: Unknown option '--yes'/);
  });
});

describe("defaultBackupFile and formatBytes", () => {
  it("name the file by UTC time without colons, and sizes in binary units", () => {
    expect(defaultBackupFile(NOW, "/srv/atelier")).toBe("/srv/atelier/data/backups/atelier-20261129T035007Z.db");
    expect(defaultBackupFile(NOW, "/srv/atelier", ".dump")).toBe("/srv/atelier/data/backups/atelier-20261129T035007Z.dump");
    expect([formatBytes(512), formatBytes(1536), formatBytes(5 * 1024 ** 3)]).toEqual(["512 bytes", "1.5 KiB", "5.0 GiB"]);
  });
});
