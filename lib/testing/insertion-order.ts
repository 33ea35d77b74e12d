import { sql, type Kysely, type RawBuilder } from "kysely";
import { isSqlite } from "@/lib/db/dialect";

/**
 * For tests: rows in the order they were inserted, where a table has no column that says so
 * (activity ids are random, and several entries share one `at`). SQLite's rowid; on Postgres
 * the row's physical place (ctid), which follows insertion order in a table that, as in
 * these tests, is only appended to. Never for the app: it is not a stable order there.
 */
export function insertionOrder<DB>(db: Kysely<DB>): RawBuilder<unknown> {
  return isSqlite(db) ? sql`rowid` : sql`ctid`;
}
