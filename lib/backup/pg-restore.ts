import fs from "node:fs";
import pg from "pg";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { sniffFile } from "@/lib/backup/sqlite-file";
import { definedOnly, pgDatabaseName, pgEnvFromUrl, requirePgTool, runTool, type Environment, type ToolRunner } from "@/lib/backup/pg-tools";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";

const BOOKKEEPING = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * The tables of the Postgres database that hold rows. EMPTY means the same as for SQLite:
 * no row in any ordinary table outside Postgres's own schemas, other than Kysely's
 * migration bookkeeping; `tables` says whether a migrated-but-unused schema is there.
 */
export async function inspectPostgres(databaseUrl: string): Promise<{ tables: number; filled: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(
      `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`,
    );
    const filled: string[] = [];
    for (const { schema, name } of rows) {
      if (BOOKKEEPING.has(name)) continue;
      const quoted = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
      const { rows: found } = await client.query<{ filled: boolean }>(`select exists (select 1 from ${quoted}) as filled`);
      if (found[0]?.filled) filled.push(schema === "public" ? name : `${schema}.${name}`);
    }
    return { tables: rows.length, filled };
  } finally {
    await client.end();
  }
}

/**
 * pg_restore of a `db:backup` archive into the Postgres database DATABASE_URL names, which
 * must be empty. A database the server has already migrated (tables, no rows) counts as
 * empty: its tables are dropped and re-created from the archive (--clean --if-exists). All
 * in one transaction, so a failed restore leaves the database as it was. Then the store is
 * opened and migrated, so a backup from an older version comes up to this one.
 */
export async function restorePostgres(
  backupFile: string,
  databaseUrl: string,
  environment: Environment,
  deps: { run?: ToolRunner; pgRestore?: string; inspect?: typeof inspectPostgres } = {},
): Promise<{ cleaned: boolean; migrated: string[] }> {
  const env = { ...definedOnly(environment), ...pgEnvFromUrl(databaseUrl) };
  const pgRestore = deps.pgRestore ?? requirePgTool("pg_restore", environment.PATH ?? "");
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) throw new BackupRefusal(`There is no backup file at ${backupFile}.`);
  const kind = sniffFile(backupFile);
  if (kind === "sqlite") throw new BackupRefusal(`${backupFile} is an SQLite backup; DATABASE_URL names a Postgres database. Point DATABASE_URL at an SQLite path to restore it there.`);
  if (kind !== "pg_dump") throw new BackupRefusal(`${backupFile} is not a pg_dump archive (--format=custom).`);
  const { tables, filled } = await (deps.inspect ?? inspectPostgres)(databaseUrl);
  if (filled.length > 0) {
    throw new BackupRefusal(`The database is not empty (rows in ${filled.join(", ")}). A restore only goes into an empty database: create a new one and point DATABASE_URL at it.`);
  }
  const cleaned = tables > 0;
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", ...(cleaned ? ["--clean", "--if-exists"] : []), `--dbname=${pgDatabaseName(env)}`, backupFile];
  const { code, stderr } = await (deps.run ?? runTool)(pgRestore, args, env);
  if (code !== 0) throw new BackupRefusal(`pg_restore failed (exit ${code}); the database was left as it was: ${stderr.trim() || "no message"}`);
  const db = openDatabase(databaseUrl);
  try {
    return { cleaned, migrated: await migrateToLatest(db) };
  } finally {
    await db.destroy();
  }
}
