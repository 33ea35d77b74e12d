import type { Kysely, Selectable } from "kysely";
import type { Database } from "@/lib/db/schema";

/**
 * The archived_outputs table (migration 0008-archive): what the archive holds, so that a
 * page or a download knows without asking the store, and /usage can sum it cheaply. The
 * table's type lives here, not in lib/db/schema.ts, because only the archive reads it.
 */
export interface ArchivedOutputsTable {
  run_id: string;
  output_id: string;
  key: string;
  bytes: number;
  content_type: string;
  thumb_row_key: string | null;
  thumb_grid_key: string | null;
  archived_at: number;
}

export type ArchivedOutput = Selectable<ArchivedOutputsTable>;
type ArchiveDb = Kysely<Database & { archived_outputs: ArchivedOutputsTable }>;

const withArchive = (db: Kysely<Database>): ArchiveDb => db.withTables<{ archived_outputs: ArchivedOutputsTable }>();

// bigint columns come back as strings from Postgres: numbers here, whatever the store.
const normal = (row: ArchivedOutput): ArchivedOutput => ({ ...row, bytes: Number(row.bytes), archived_at: Number(row.archived_at) });

export async function archivedOutputsOf(db: Kysely<Database>, runId: string): Promise<ArchivedOutput[]> {
  const rows = await withArchive(db).selectFrom("archived_outputs").selectAll().where("run_id", "=", runId).execute();
  return rows.map(normal);
}

export async function findArchivedOutput(db: Kysely<Database>, runId: string, outputId: string): Promise<ArchivedOutput | null> {
  const row = await withArchive(db).selectFrom("archived_outputs").selectAll().where("run_id", "=", runId).where("output_id", "=", outputId).executeTakeFirst();
  return row ? normal(row) : null;
}

/** The archived outputs of many runs at once (the history's thumbnails), keyed by run id. */
export async function archivedOutputsOfRuns(db: Kysely<Database>, runIds: readonly string[]): Promise<Map<string, ArchivedOutput[]>> {
  const byRun = new Map<string, ArchivedOutput[]>();
  if (runIds.length === 0) return byRun;
  const rows = await withArchive(db).selectFrom("archived_outputs").selectAll().where("run_id", "in", [...runIds]).execute();
  for (const row of rows.map(normal)) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row]);
  return byRun;
}

/** Records an archived output; a second record of the same output keeps the first. */
export async function recordArchivedOutput(db: Kysely<Database>, row: ArchivedOutput): Promise<void> {
  await withArchive(db)
    .insertInto("archived_outputs")
    .values(row)
    .onConflict((conflict) => conflict.columns(["run_id", "output_id"]).doNothing())
    .execute();
}

/** The archive's size as the table knows it: one sum, no walk over files or buckets. */
export async function archiveTotals(db: Kysely<Database>): Promise<{ outputs: number; bytes: number }> {
  const row = await withArchive(db)
    .selectFrom("archived_outputs")
    .select((eb) => [eb.fn.countAll().as("outputs"), eb.fn.coalesce(eb.fn.sum("bytes"), eb.lit(0)).as("bytes")])
    .executeTakeFirst();
  return { outputs: Number(row?.outputs ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/** The oldest archived outputs (by archived_at) before `before`, a batch at a time, for retention. */
export async function archivedBefore(db: Kysely<Database>, before: number, limit: number): Promise<ArchivedOutput[]> {
  const rows = await withArchive(db).selectFrom("archived_outputs").selectAll().where("archived_at", "<", before).orderBy("archived_at").limit(limit).execute();
  return rows.map(normal);
}

export async function forgetArchivedOutput(db: Kysely<Database>, runId: string, outputId: string): Promise<void> {
  await withArchive(db).deleteFrom("archived_outputs").where("run_id", "=", runId).where("output_id", "=", outputId).execute();
}
