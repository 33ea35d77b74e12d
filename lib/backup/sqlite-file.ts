import fs from "node:fs";
import type SQLite from "better-sqlite3";

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = Buffer.from("SQLite format 3\0", "latin1");
/** The first bytes of a `pg_dump --format=custom` archive. */
const PG_DUMP_MAGIC = Buffer.from("PGDMP", "latin1");

export type FileKind = "sqlite" | "pg_dump" | "empty" | "other";

/** What a file is, from its first bytes, without opening it as a database. */
export function sniffFile(filename: string): FileKind {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(filename, "r");
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === 0) return "empty";
  if (read === 16 && head.equals(SQLITE_MAGIC)) return "sqlite";
  if (head.subarray(0, PG_DUMP_MAGIC.length).equals(PG_DUMP_MAGIC)) return "pg_dump";
  return "other";
}

/** Bookkeeping tables that exist in every migrated store, even one nobody has used. */
const BOOKKEEPING = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * The tables of an SQLite store that hold rows, with their counts. A store is EMPTY when
 * this list is empty: no row in any ordinary table of the main schema, other than SQLite's
 * own (`sqlite_*`) and Kysely's migration bookkeeping. Virtual tables and their shadow
 * tables (the FTS5 prompt index) are left out: they only mirror rows of ordinary tables.
 * So a user, a launch, a token, a budget cap or an activity entry each makes a store non-empty.
 */
export function tablesWithRows(db: SQLite.Database): Array<{ table: string; rows: number }> {
  const tables = db
    .prepare("select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name")
    .pluck()
    .all() as string[];
  return tables
    .filter((table) => !BOOKKEEPING.has(table))
    .map((table) => ({ table, rows: db.prepare(`select count(*) from "${table.replaceAll('"', '""')}"`).pluck().get() as number }))
    .filter((entry) => entry.rows > 0);
}

/** The names of the ordinary tables of an SQLite database's main schema. */
export function tableNames(db: SQLite.Database): Set<string> {
  return new Set(db.prepare("select name from pragma_table_list where schema = 'main' and type = 'table'").pluck().all() as string[]);
}
