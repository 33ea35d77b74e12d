import type { Kysely } from "kysely";

/**
 * The output archive's record: one row per archived output, with where its file and
 * thumbnails are (keys into ARCHIVE_DIR or the S3 bucket). The files themselves are not in
 * the database. Schema builder only, so it runs on SQLite and Postgres alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("archived_outputs")
    .addColumn("run_id", "text", (col) => col.notNull())
    .addColumn("output_id", "text", (col) => col.notNull())
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("bytes", "bigint", (col) => col.notNull())
    .addColumn("content_type", "text", (col) => col.notNull())
    // null when the output has no thumbnails (text, audio, a document, an image sharp could not read).
    .addColumn("thumb_row_key", "text")
    .addColumn("thumb_grid_key", "text")
    .addColumn("archived_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("archived_outputs_pk", ["run_id", "output_id"])
    .execute();
  // Retention prunes oldest first.
  await db.schema.createIndex("archived_outputs_archived_at").on("archived_outputs").column("archived_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("archived_outputs").execute();
}
