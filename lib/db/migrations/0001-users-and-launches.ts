import { sql, type Kysely } from "kysely";

// Kysely's schema builder, not raw SQL, so a Postgres dialect runs the same migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("email", "text", (col) => col.notNull().unique())
    .addColumn("name", "text")
    .addColumn("role", "text", (col) => col.notNull().check(sql`role in ('viewer', 'member', 'admin')`))
    .addColumn("password_hash", "text")
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("disabled_at", "bigint")
    .addColumn("is_demo", "integer", (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("launches")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("run_id", "text")
    .addColumn("kind", "text", (col) => col.notNull().check(sql`kind in ('generation', 'technique')`))
    // Removing a user keeps their launches on record: the id goes, the email snapshot stays.
    .addColumn("user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("user_email", "text", (col) => col.notNull())
    .addColumn("type", "text")
    .addColumn("model", "text")
    .addColumn("technique_id", "text")
    .addColumn("prompt", "text")
    .addColumn("params_json", "text")
    // Technique runs are not started in a workspace the dashboard chooses.
    .addColumn("workspace_id", "text")
    .addColumn("project_id", "text")
    .addColumn("idempotency_key", "text", (col) => col.notNull().unique())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("estimated_cost", "double precision")
    // FLORA's answer, replayed to a client that retries with the same key.
    .addColumn("response_json", "text")
    .addColumn("error_code", "text")
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("completed_at", "bigint")
    .execute();

  await db.schema.createIndex("launches_run_id").on("launches").column("run_id").execute();
  await db.schema.createIndex("launches_user_created").on("launches").columns(["user_id", "created_at"]).execute();
  await db.schema.createIndex("launches_status_created").on("launches").columns(["status", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("launches").execute();
  await db.schema.dropTable("users").execute();
}
