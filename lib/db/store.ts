import type { Kysely } from "kysely";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/schema";

/**
 * The process's one store connection, migrated before first use. Kept on globalThis
 * because Next bundles instrumentation, the proxy and route handlers separately: one
 * process, one SQLite handle, one migration run. The server script (scripts/serve.ts)
 * closes it through the same global when it stops.
 */
interface StoreHandle {
  url: string;
  db: Kysely<Database>;
  ready: Promise<Kysely<Database>>;
}

const globalStore = globalThis as typeof globalThis & { __atelierStore?: StoreHandle };

export function getStore(databaseUrl: string): Promise<Kysely<Database>> {
  if (!globalStore.__atelierStore || globalStore.__atelierStore.url !== databaseUrl) {
    const db = openDatabase(databaseUrl);
    globalStore.__atelierStore = { url: databaseUrl, db, ready: migrateToLatest(db).then(() => db) };
  }
  return globalStore.__atelierStore.ready;
}

/**
 * Closes the process's store handle, if one was opened: SQLite then checkpoints its WAL into
 * the database file. Call it once nothing serves requests any more; a later getStore would
 * open a new handle. A migration still running is let finish first, so the file is never
 * left half-migrated.
 */
export async function closeStore(): Promise<void> {
  const handle = globalStore.__atelierStore;
  if (!handle) return;
  delete globalStore.__atelierStore;
  // The migrated handle when migrating worked; the one it was run on when it failed.
  const migrated = await handle.ready.catch(() => undefined);
  await (migrated ?? handle.db).destroy();
}
