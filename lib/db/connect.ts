import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from "kysely";
import pg from "pg";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { isPostgres } from "@/lib/db/dialect";
import { MIGRATIONS } from "@/lib/db/migrations";
import { storeTypes } from "@/lib/db/pg-types";
import type { Database } from "@/lib/db/schema";

/**
 * Opens the store named by DATABASE_URL: Postgres for `postgres://…`, otherwise SQLite,
 * creating its folder and file when missing. Nothing connects until the first query.
 */
export function openDatabase(databaseUrl: string, cwd = process.cwd()): Kysely<Database> {
  const target = parseDatabaseUrl(databaseUrl, cwd);
  if (target.dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: target.connectionString, types: storeTypes });
    // An idle connection the server dropped (restart, failover) errors on the pool; without a
    // listener that would end the process. The next query simply takes a new connection.
    pool.on("error", () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.filename !== ":memory:") fs.mkdirSync(path.dirname(target.filename), { recursive: true });
  const sqlite = new SQLite(target.filename);
  // WAL lets the users command and the server use one file at once; the busy timeout
  // makes a writer wait for the other instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Postgres: the schema the store's tables go in (the first of search_path that exists,
 * usually `public`). Kysely's migrator looks for its own tables in every schema it can
 * see; named, it keeps to this one, so two stores in two schemas of one database (the
 * tests do that) never read each other's migration records.
 */
async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!isPostgres(db)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("Postgres: no schema of search_path exists to hold the store's tables.");
  return schema;
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: await currentSchema(db) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((result) => result.status === "Success").map((result) => result.migrationName);
}
