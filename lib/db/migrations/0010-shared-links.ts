import type { Kysely } from "kysely";

/**
 * Public links (`/s/{token}`) to a run or a collection, for people outside the team. Only a
 * SHA-256 of the token is kept (`secret_hash`); `prefix`, its first characters, finds the
 * row and names the link in lists and the activity log. `opened_at` and `open_count` are
 * written at most once a minute per link, so a refresh loop cannot flood the store or the
 * log. Schema builder only, so it runs on SQLite and Postgres alike, with no dialect twin.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("shared_links")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("secret_hash", "text", (col) => col.notNull().unique())
    .addColumn("prefix", "text", (col) => col.notNull())
    .addColumn("subject_kind", "text", (col) => col.notNull())
    .addColumn("run_id", "text")
    .addColumn("technique_id", "text")
    .addColumn("collection_id", "text")
    .addColumn("show_prompt", "integer", (col) => col.notNull().defaultTo(0))
    // Removing the user keeps their links (listed to admins, who can revoke them) under created_by_email.
    .addColumn("created_by", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_by_email", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("expires_at", "bigint", (col) => col.notNull())
    .addColumn("revoked_at", "bigint")
    .addColumn("opened_at", "bigint")
    .addColumn("open_count", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  // Every open looks a link up by its prefix; lists are per creator.
  await db.schema.createIndex("shared_links_prefix").on("shared_links").column("prefix").execute();
  await db.schema.createIndex("shared_links_created_by").on("shared_links").columns(["created_by", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("shared_links").execute();
}
