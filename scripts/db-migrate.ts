/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (the server does this at start too). */
import { migrateToLatest, openDatabase } from "../lib/db/connect";
import { readDatabaseUrl } from "../lib/env-schema";

async function main() {
  const url = readDatabaseUrl(process.env);
  const db = openDatabase(url);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied ${applied.join(", ")} to ${url}.` : `${url} is up to date.`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
