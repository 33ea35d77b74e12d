import path from "node:path";
import { BackupUsageError, type BackupIo } from "@/lib/backup/backup-errors";
import { parseCommandArgs, withExitCode } from "@/lib/backup/command-args";
import { restorePostgres } from "@/lib/backup/pg-restore";
import { restoreSqlite } from "@/lib/backup/sqlite-restore";
import type { Environment } from "@/lib/backup/pg-tools";
import { locateStore } from "@/lib/backup/store-location";
import { readDatabaseUrl } from "@/lib/env-schema";

export const RESTORE_USAGE = `Usage: npm run db:restore FILE

  Restores a db:backup file into the store DATABASE_URL names, which must be empty: no row in
  any table (users, launches, tokens, budgets, activity…); a store that was only migrated is empty.
  SQLite: the server must be stopped; the file is checked, copied into place and migrated.
  Postgres: pg_restore (must be installed) into an empty database, in one transaction, then migrated.`;

const describeMigrated = (migrated: string[]) => (migrated.length > 0 ? ` Applied the migrations it lacked: ${migrated.join(", ")}.` : "");

/** Runs `db:restore` into the store `environment.DATABASE_URL` names; returns the exit code. */
export function runRestoreCommand(args: string[], environment: Environment, io: BackupIo, cwd = process.cwd()): Promise<number> {
  return withExitCode("db:restore", RESTORE_USAGE, io, async () => {
    const { help, positional } = parseCommandArgs(args);
    if (help) {
      io.out(RESTORE_USAGE);
      return;
    }
    if (positional.length !== 1) throw new BackupUsageError(positional.length === 0 ? "db:restore needs the backup FILE." : "db:restore takes one FILE.");
    const file = path.resolve(cwd, positional[0]!);
    const store = locateStore(readDatabaseUrl(environment), cwd);
    if (store.kind === "sqlite") {
      const result = await restoreSqlite(file, store.filename);
      io.out(`Restored ${file} into ${result.target} (users: ${result.users}, launches: ${result.launches}).${describeMigrated(result.migrated)}`);
      return;
    }
    const { cleaned, migrated } = await restorePostgres(file, store.url, environment);
    io.out(`Restored ${file} into the Postgres database${cleaned ? " (its empty tables were replaced)" : ""}.${describeMigrated(migrated)}`);
  });
}
