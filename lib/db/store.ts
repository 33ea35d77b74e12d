import type { Kysely } from "kysely";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/schema";

/**
 * The process's one store connection, migrated before first use. Kept on globalThis
 * because Next bundles instrumentation, the proxy and route handlers separately: one
 * process, one SQLite handle, one migration run.
 */
interface StoreHandle {
  url: string;
  ready: Promise<Kysely<Database>>;
}

const globalStore = globalThis as typeof globalThis & { __atelierStore?: StoreHandle };

export function getStore(databaseUrl: string): Promise<Kysely<Database>> {
  if (!globalStore.__atelierStore || globalStore.__atelierStore.url !== databaseUrl) {
    const db = openDatabase(databaseUrl);
    globalStore.__atelierStore = { url: databaseUrl, ready: migrateToLatest(db).then(() => db) };
  }
  return globalStore.__atelierStore.ready;
}
