import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql } from "kysely";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { MIGRATIONS } from "@/lib/db/migrations";

/** Test helpers: SQLite stores in files, as `npm start` keeps them. */

export function tempFolder(prefix = "atelier-backup-"): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A user row written with SQL, so it fits any schema version from the first migration on. */
export async function insertUser(db: ReturnType<typeof openDatabase>, email: string): Promise<void> {
  await sql`insert into users (id, email, role, created_at) values (${`u-${email}`}, ${email}, 'admin', ${Date.now()})`.execute(db);
}

/**
 * A store file migrated up to `upTo` (every migration by default), holding the given users;
 * closed again, so its WAL is checkpointed into the file.
 */
export async function makeStore(file: string, { emails = [] as string[], upTo }: { emails?: string[]; upTo?: string } = {}): Promise<void> {
  const db = openDatabase(`file:${file}`);
  try {
    if (upTo) {
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo(upTo);
      if (error) throw error;
    } else {
      await migrateToLatest(db);
    }
    for (const email of emails) await insertUser(db, email);
  } finally {
    await db.destroy();
  }
}

/** The emails of a store file's users. */
export async function emailsIn(file: string): Promise<string[]> {
  const db = openDatabase(`file:${file}`);
  try {
    return (await db.selectFrom("users").select("email").orderBy("email").execute()).map((row) => row.email);
  } finally {
    await db.destroy();
  }
}
