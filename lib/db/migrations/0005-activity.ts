import type { Kysely } from "kysely";

/**
 * The activity log: append-only. Nothing in the app updates or deletes a row; only the
 * retention prune (ACTIVITY_RETENTION_DAYS) removes old ones. Paged newest first by
 * (at, id), the cursor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("activity")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("at", "bigint", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    // Who did it; null for a failed sign-in by an unknown address or the users command.
    .addColumn("actor_id", "text")
    .addColumn("actor_email", "text")
    // What it was done to: a user's email, a run id, a token prefix…
    .addColumn("subject", "text")
    // JSON with the kind's own facts (estimate, charge, result, old and new role…).
    .addColumn("detail_json", "text")
    .execute();
  await db.schema.createIndex("activity_at").on("activity").columns(["at", "id"]).execute();
  await db.schema.createIndex("activity_actor_at").on("activity").columns(["actor_id", "at"]).execute();
  await db.schema.createIndex("activity_kind_at").on("activity").columns(["kind", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("activity").execute();
}
