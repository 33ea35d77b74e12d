import { sql, type Kysely } from "kysely";

/**
 * Whether a Kysely instance speaks SQLite, read from the SQL it writes (`?` placeholders and
 * "double-quoted" names; Postgres writes `$1`, MySQL backticks, SQL Server `@1`). Not
 * `adapter instanceof SqliteAdapter`: the bundled server can hold two copies of Kysely, and
 * then instanceof says no to a SQLite store. Nothing is sent to the database.
 */
export function isSqlite<DB>(db: Kysely<DB>): boolean {
  const compiled = (db as unknown as Kysely<unknown>)
    .selectFrom("probe" as never)
    .select(sql`${1}`.as("one"))
    .compile().sql;
  return compiled === 'select ? as "one" from "probe"';
}
