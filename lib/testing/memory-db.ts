import { migrateToLatest, openDatabase } from "@/lib/db/connect";

/** A migrated in-memory store for unit tests. */
export async function memoryDatabase() {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}
