import { sql, type Kysely } from "kysely";

/**
 * Personal access tokens (`atl_…`): scripts, the SDK and the CLI go through the dashboard
 * with one. Only a hash of the secret is kept; the short public prefix finds the row. A
 * launch made with a token records which one, so it shows like a form launch with its name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (col) => col.primaryKey())
    // Removing a user removes their tokens: nothing may act in the name of nobody.
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("prefix", "text", (col) => col.notNull().unique())
    .addColumn("secret_hash", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull().check(sql`role in ('viewer', 'member', 'admin')`))
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("expires_at", "bigint")
    .addColumn("last_used_at", "bigint")
    .addColumn("revoked_at", "bigint")
    .execute();
  await db.schema.createIndex("api_tokens_user").on("api_tokens").columns(["user_id", "created_at"]).execute();

  await db.schema.alterTable("launches").addColumn("token_id", "text").execute();
  await db.schema.alterTable("launches").addColumn("token_name", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("launches").dropColumn("token_name").execute();
  await db.schema.alterTable("launches").dropColumn("token_id").execute();
  await db.schema.dropTable("api_tokens").execute();
}
