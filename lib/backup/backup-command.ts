import path from "node:path";
import { BackupUsageError, type BackupIo } from "@/lib/backup/backup-errors";
import { parseCommandArgs, withExitCode } from "@/lib/backup/command-args";
import { backupPostgres } from "@/lib/backup/pg-backup";
import { backupSqlite } from "@/lib/backup/sqlite-backup";
import type { Environment } from "@/lib/backup/pg-tools";
import { defaultBackupFile, formatBytes, locateStore } from "@/lib/backup/store-location";
import { readDatabaseUrl } from "@/lib/env-schema";

export const BACKUP_USAGE = `Usage: npm run db:backup [FILE]

  Takes a consistent backup of the store DATABASE_URL names while the dashboard keeps running.
  SQLite: SQLite's online backup API, into one SQLite file.
  Postgres: pg_dump --format=custom (pg_dump must be installed).
  FILE defaults to ./data/backups/atelier-<UTC time>.db (.dump for Postgres); it must not exist yet.`;

/** Runs `db:backup` against the store `environment.DATABASE_URL` names; returns the exit code. */
export function runBackupCommand(args: string[], environment: Environment, io: BackupIo, now = new Date(), cwd = process.cwd()): Promise<number> {
  return withExitCode("db:backup", BACKUP_USAGE, io, async () => {
    const { help, positional } = parseCommandArgs(args);
    if (help) {
      io.out(BACKUP_USAGE);
      return;
    }
    if (positional.length > 1) throw new BackupUsageError("db:backup takes at most one FILE.");
    const store = locateStore(readDatabaseUrl(environment), cwd);
    const file = positional[0] ? path.resolve(cwd, positional[0]) : defaultBackupFile(now, cwd, store.kind === "postgres" ? ".dump" : ".db");
    const result = store.kind === "sqlite" ? await backupSqlite(store.filename, file) : await backupPostgres(store.url, file, environment);
    io.out(`Backed up the store to ${result.file} (${formatBytes(result.bytes)}).`);
  });
}
