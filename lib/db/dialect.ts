import { sql, type Kysely } from "kysely";

/**
 * The SQL a Kysely instance writes for `select <param> as "one" from "probe"`: SQLite writes
 * `?` placeholders and "double-quoted" names, Postgres `$1`, MySQL backticks, SQL Server
 * `@1`. Read from the compiler, not `adapter instanceof SqliteAdapter`: the bundled server
 * can hold two copies of Kysely, and then instanceof says no to a SQLite store. Nothing is
 * sent to the database.
 */
function probe<DB>(db: Kysely<DB>): string {
  return (db as unknown as Kysely<unknown>)
    .selectFrom("probe" as never)
    .select(sql`${1}`.as("one"))
    .compile().sql;
}

/** Whether a Kysely instance speaks SQLite. */
export function isSqlite<DB>(db: Kysely<DB>): boolean {
  return probe(db) === 'select ? as "one" from "probe"';
}

/** Whether a Kysely instance speaks Postgres. */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return probe(db) === 'select $1 as "one" from "probe"';
}
