import Database from "better-sqlite3";
import pg from "pg";
import { storeTypes } from "../../lib/db/pg-types";

/** The suite's store as this worker's stack has it: a SQLite file, or a Postgres database (E2E_STORE=postgres). */
export const suiteStoreUrl = (): string => process.env.E2E_DATABASE_URL ?? "";

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:/i.test(url);

/** The SQLite file behind a `file:` URL, as the app resolves it for these absolute paths. */
export const sqliteFileOf = (url: string): string => url.replace(/^(file|sqlite):(\/\/)?/i, "");

/**
 * One read-only query on the suite's store, written with `?` placeholders. On Postgres the
 * rows come through the store's own type parsers (bigint and numeric as numbers), so a row
 * reads the same on both stores, as the app's own queries do.
 */
export async function queryStore<Row = Record<string, unknown>>(text: string, params: unknown[] = [], url = suiteStoreUrl()): Promise<Row[]> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url, types: storeTypes });
    await client.connect();
    try {
      let index = 0;
      const { rows } = await client.query(text.replace(/\?/g, () => `$${++index}`), params);
      return rows as Row[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqliteFileOf(url), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(text).all(...params) as Row[];
  } finally {
    db.close();
  }
}

/** Read-only look into the suite's store, to check what the dashboard recorded. */
export function readLaunches(where: { runId?: string; userEmail?: string }): Promise<Array<Record<string, unknown>>> {
  if (where.runId) return queryStore("select * from launches where run_id = ?", [where.runId]);
  return queryStore("select * from launches where user_email = ? order by created_at", [where.userEmail]);
}
