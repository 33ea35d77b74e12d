import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBackupCommand } from "@/lib/backup/backup-command";
import { runRestoreCommand } from "@/lib/backup/restore-command";
import { insertUser, tempFolder } from "@/lib/backup/test-stores";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { findPostgresBin, startPostgres, type PostgresCluster } from "@/lib/testing/postgres";
import { TEST_POSTGRES_URL } from "@/lib/testing/postgres-env";

/**
 * db:backup and db:restore against a real Postgres with the real pg_dump and pg_restore:
 * the suite's cluster when it runs on Postgres, otherwise one of its own.
 */
const available = Boolean(process.env[TEST_POSTGRES_URL] || findPostgresBin());

describe.skipIf(!available)("db:backup / db:restore on Postgres", () => {
  let cluster: PostgresCluster | undefined;
  let adminUrl: string;
  const folder = tempFolder("atelier-pg-backup-");
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };

  /** A new, empty database of the cluster; its URL. */
  async function newDatabase(): Promise<string> {
    const name = `backup_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    url.searchParams.delete("options");
    return url.toString();
  }

  async function emails(url: string, migrate = false): Promise<{ emails: string[]; migrated: string[] }> {
    const db = openDatabase(url);
    try {
      const migrated = migrate ? await migrateToLatest(db) : [];
      return { emails: (await db.selectFrom("users").select("email").orderBy("email").execute()).map((row) => row.email), migrated };
    } finally {
      await db.destroy();
    }
  }

  beforeAll(async () => {
    if (process.env[TEST_POSTGRES_URL]) adminUrl = process.env[TEST_POSTGRES_URL];
    else {
      cluster = await startPostgres();
      adminUrl = cluster.url;
    }
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    folder.remove();
  });

  it("backs up a live store with pg_dump, restores it into an empty database and a migrated-but-empty one, and refuses one with rows", async () => {
    const source = await newDatabase();
    const live = openDatabase(source);
    await migrateToLatest(live);
    await insertUser(live, "ana@example.com");
    await insertUser(live, "ben@example.com");
    await live.destroy();

    expect(await runBackupCommand(["team.dump"], { ...process.env, DATABASE_URL: source }, io, new Date(), folder.dir)).toBe(0);
    expect(lines.at(-1)).toMatch(/^Backed up the store to .*team\.dump \(\d+\.\d KiB\)\.$/);

    const empty = await newDatabase();
    expect(await runRestoreCommand(["team.dump"], { ...process.env, DATABASE_URL: empty }, io, folder.dir)).toBe(0);
    expect(lines.at(-1)).toMatch(/^Restored .*team\.dump into the Postgres database\.$/);
    expect(await emails(empty, true)).toEqual({ emails: ["ana@example.com", "ben@example.com"], migrated: [] });

    const migratedOnly = await newDatabase();
    const fresh = openDatabase(migratedOnly);
    await migrateToLatest(fresh);
    await fresh.destroy();
    expect(await runRestoreCommand(["team.dump"], { ...process.env, DATABASE_URL: migratedOnly }, io, folder.dir)).toBe(0);
    expect(lines.at(-1)).toMatch(/\(its empty tables were replaced\)\.$/);
    expect((await emails(migratedOnly)).emails).toEqual(["ana@example.com", "ben@example.com"]);

    expect(await runRestoreCommand(["team.dump"], { ...process.env, DATABASE_URL: source }, io, folder.dir)).toBe(1);
    expect(lines.at(-1)).toMatch(/^db:restore: The database is not empty \(rows in users\)/);
  }, 60_000);
});
