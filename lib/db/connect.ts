import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { MIGRATIONS } from "@/lib/db/migrations";
import type { Database } from "@/lib/db/schema";

/** Opens the store named by DATABASE_URL, creating its folder and file when missing. */
export function openDatabase(databaseUrl: string, cwd = process.cwd()): Kysely<Database> {
  const target = parseDatabaseUrl(databaseUrl, cwd);
  if (target.filename !== ":memory:") fs.mkdirSync(path.dirname(target.filename), { recursive: true });
  const sqlite = new SQLite(target.filename);
  // WAL lets the users command and the server use one file at once; the busy timeout
  // makes a writer wait for the other instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((result) => result.status === "Success").map((result) => result.migrationName);
}
