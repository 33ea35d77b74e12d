import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { testPostgresUrl } from "@/lib/testing/postgres-env";
import { postgresStore } from "@/lib/testing/postgres-stores";

/**
 * A migrated, empty store for unit tests: SQLite in memory, or, when the suite runs on
 * Postgres (`npm run test:unit:pg` sets TEST_POSTGRES_URL), a new database of the test
 * server, so tests stay as isolated from each other as with SQLite.
 */
export async function memoryDatabase() {
  const postgresUrl = testPostgresUrl();
  if (postgresUrl) return postgresStore(postgresUrl);
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}
