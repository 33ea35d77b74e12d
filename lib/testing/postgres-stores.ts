import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/schema";

/**
 * Unit-test stores on a Postgres server: each one a database of its own, copied from a
 * template migrated once per run. A copy costs one CREATE DATABASE however many tests ran
 * before; a schema per test would cost a full migration each, and Kysely's migrator reads
 * every schema's tables, so it would slow down as the schemas pile up.
 */
export const TEMPLATE_DATABASE = "atelier_template";

const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** (Re)creates the migrated template; run once, before any test opens a store. */
export async function createTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const db = openDatabase(withDatabase(serverUrl, TEMPLATE_DATABASE));
  try {
    await migrateToLatest(db);
  } finally {
    // No connection may stay on a template while it is copied.
    await db.destroy();
  }
}

let admin: pg.Pool | undefined;
const urls = new WeakMap<Kysely<Database>, string>();

/** The URL of a test store's database, for opening a second pool on it (a second instance). */
export function postgresStoreUrl(db: Kysely<Database>): string {
  const url = urls.get(db);
  if (!url) throw new Error("not a Postgres test store");
  return url;
}

/**
 * A new store, migrated (or `empty`, for tests of the migrations themselves); destroying
 * it drops its database.
 */
export async function postgresStore(serverUrl: string, { empty = false } = {}): Promise<Kysely<Database>> {
  admin ??= new pg.Pool({ connectionString: serverUrl, max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true });
  const pool = admin;
  const name = `t_${randomBytes(8).toString("hex")}`;
  await pool.query(`create database ${name} template ${empty ? "template0" : TEMPLATE_DATABASE}`);
  const db = openDatabase(withDatabase(serverUrl, name));
  urls.set(db, withDatabase(serverUrl, name));
  const destroy = db.destroy.bind(db);
  let dropped: Promise<void> | undefined;
  db.destroy = () =>
    (dropped ??= destroy().then(async () => {
      // Best effort: a database left behind goes with the throwaway cluster.
      await pool.query(`drop database if exists ${name}`).catch(() => undefined);
    }));
  return db;
}
