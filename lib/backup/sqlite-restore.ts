import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { sniffFile, tableNames, tablesWithRows } from "@/lib/backup/sqlite-file";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { MIGRATIONS } from "@/lib/db/migrations";

export interface RestoreResult {
  target: string;
  /** Migrations the backup lacked, applied after the copy (a backup from an older version). */
  migrated: string[];
  users: number;
  launches: number;
}

/** Tables the first migration made: every Atelier store has them. */
const REQUIRED_TABLES = ["users", "launches", "kysely_migration"];

const SIDECARS = ["-wal", "-shm", "-journal"];

function describeRows(tables: Array<{ table: string; rows: number }>): string {
  return tables.map(({ table, rows }) => `${table}: ${rows}`).join(", ");
}

/**
 * Refuses a target store that is not empty (see tablesWithRows for what "empty" means), and
 * one another process has open: a running server would keep writing to the file it opened
 * and never see the restored one. A WAL-mode store can leave WAL only while no other
 * connection has it open, so asking for that, without waiting, is the test.
 */
function checkTarget(target: string): void {
  if (!fs.existsSync(target)) return;
  const kind = sniffFile(target);
  if (kind === "empty") return;
  if (kind !== "sqlite") throw new BackupRefusal(`${target} (DATABASE_URL) is not an SQLite database: move it away first, or point DATABASE_URL at a new path.`);
  const db = new SQLite(target, { fileMustExist: true });
  try {
    const filled = tablesWithRows(db);
    if (filled.length > 0) {
      throw new BackupRefusal(
        `${target} is not empty (${describeRows(filled)}). A restore only goes into an empty store: move this file away (keep it!) or point DATABASE_URL at a new path, then run the restore again.`,
      );
    }
    db.pragma("busy_timeout = 0");
    let mode: unknown;
    try {
      mode = db.pragma("journal_mode = DELETE", { simple: true });
    } catch {
      mode = "busy";
    }
    if (mode !== "delete") throw new BackupRefusal(`${target} is open in another process (a running Atelier server?): stop it, then run the restore again.`);
  } finally {
    db.close();
  }
}

/** Checks a staged copy of the backup: an intact SQLite database with Atelier's tables, from this version or an older one. */
function checkBackup(staged: string, backupFile: string): void {
  const db = new SQLite(staged, { fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupRefusal(`${backupFile} is damaged: SQLite's integrity check says ${String(check)}.`);
    const tables = tableNames(db);
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) throw new BackupRefusal(`${backupFile} is an SQLite database but not an Atelier store (no ${missing.join(", ")} table).`);
    const applied = db.prepare("select name from kysely_migration order by name").pluck().all() as string[];
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length > 0) {
      throw new BackupRefusal(`${backupFile} was made by a newer Atelier (migrations ${unknown.join(", ")} are unknown here): upgrade this copy first.`);
    }
  } catch (error) {
    if (error instanceof SQLite.SqliteError) throw new BackupRefusal(`${backupFile} cannot be read as an SQLite database: ${error.message}.`);
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Restores an SQLite backup into the store at `target`, which must be empty (or absent) and
 * not open in another process. The backup is copied to a staging file beside the target,
 * checked, migrated to this version, and only then renamed into place, so a refused or
 * failed restore leaves the target as it was.
 */
export async function restoreSqlite(backupFile: string, target: string): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) throw new BackupRefusal(`There is no backup file at ${backupFile}.`);
  const kind = sniffFile(backupFile);
  if (kind === "pg_dump") throw new BackupRefusal(`${backupFile} is a Postgres backup (pg_dump); DATABASE_URL names an SQLite store. Set DATABASE_URL to the Postgres database to restore it there.`);
  if (kind !== "sqlite") throw new BackupRefusal(`${backupFile} is not an SQLite database.`);
  if (fs.existsSync(`${backupFile}-wal`) && fs.statSync(`${backupFile}-wal`).size > 0) {
    throw new BackupRefusal(`${backupFile} has a write-ahead log beside it (${path.basename(backupFile)}-wal): it is a live store, not a backup. Take a backup of it with npm run db:backup.`);
  }
  if (path.resolve(backupFile) === path.resolve(target)) throw new BackupRefusal(`${backupFile} is the store DATABASE_URL names: restore from a backup file, not from the store itself.`);
  checkTarget(target);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staged = `${target}.restore-${process.pid}`;
  const removeStaged = () => {
    for (const suffix of ["", ...SIDECARS]) fs.rmSync(`${staged}${suffix}`, { force: true });
  };
  try {
    fs.copyFileSync(backupFile, staged);
    checkBackup(staged, backupFile);
    const db = openDatabase(`file:${staged}`);
    let migrated: string[];
    let users: number;
    let launches: number;
    try {
      migrated = await migrateToLatest(db);
      users = Number((await db.selectFrom("users").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      launches = Number((await db.selectFrom("launches").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    } finally {
      // Closing the last connection checkpoints the WAL into the file, so the file alone is the store.
      await db.destroy();
    }
    // Checked again right before the swap: the first check may be minutes old on a big backup.
    checkTarget(target);
    // A stale -wal beside the old file would be replayed into the restored one.
    for (const suffix of SIDECARS) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staged, target);
    return { target, migrated, users, launches };
  } finally {
    removeStaged();
  }
}
