import type { Kysely } from "kysely";

/**
 * Collections: named sets of runs a team curates (generations and technique runs together).
 * A collection's runs keep their order in `position` (0, 1, 2…, renumbered in one transaction
 * on a move: a collection holds at most 200 runs, so that is cheap and never drifts). The
 * run itself stays upstream; only its reference is kept. Deleting a collection deletes its
 * rows here in the same transaction (lib/collections), not through a foreign key: SQLite
 * enforces those only with a pragma, and the same code must behave the same on both
 * databases. Schema builder only, so it runs on SQLite and Postgres alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("collections")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    // null once the user was removed; created_by_email keeps who it was.
    .addColumn("created_by", "text")
    .addColumn("created_by_email", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("collections_updated_at").on("collections").column("updated_at").execute();

  await db.schema
    .createTable("collection_runs")
    .addColumn("collection_id", "text", (col) => col.notNull())
    .addColumn("run_id", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("technique_id", "text")
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("added_by_email", "text", (col) => col.notNull())
    .addColumn("added_at", "bigint", (col) => col.notNull())
    // One run once per collection: adding it again is a no-op, never a second tile.
    .addPrimaryKeyConstraint("collection_runs_pk", ["collection_id", "run_id"])
    .execute();
  await db.schema.createIndex("collection_runs_order").on("collection_runs").columns(["collection_id", "position"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("collection_runs").execute();
  await db.schema.dropTable("collections").execute();
}
