import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { publishFile } from "@/lib/backup/publish-file";

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Copies the SQLite store at `source` into a new file `destination` while the dashboard keeps
 * using it, through SQLite's online backup API (better-sqlite3's `db.backup`). The copy is
 * one consistent snapshot: the API copies pages under a read transaction, and if another
 * connection writes between two steps it starts over, so no half-written launch gets in.
 * After the first step everything left is copied in one step, so a busy store cannot keep
 * restarting it. WAL-safe: committed writes still in the -wal file are read like any reader's.
 *
 * The archive is written beside its final name and renamed when complete, so a failed
 * backup never leaves a file that looks like a good one; it is a single file (journal
 * mode DELETE, no -wal beside it) that passes integrity_check.
 */
export async function backupSqlite(source: string, destination: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupRefusal(`There is no store at ${source} (DATABASE_URL): nothing to back up.`);
  if (fs.existsSync(destination)) throw new BackupRefusal(`${destination} already exists: give a new file name, or move the old backup away.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial-${process.pid}`;

  const db = new SQLite(source, { fileMustExist: true });
  try {
    // The server may hold a write lock for a moment; wait for it like the server's own writers.
    db.pragma("busy_timeout = 5000");
    await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }

  try {
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupRefusal(`The backup did not pass SQLite's integrity check (${String(check)}); ${source} may be damaged.`);
    } finally {
      copy.close();
    }
    publishFile(partial, destination);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: destination, bytes: fs.statSync(destination).size };
}
