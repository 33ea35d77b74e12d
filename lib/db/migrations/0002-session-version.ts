import type { Kysely } from "kysely";

/**
 * Sessions are JWTs, so nothing server-side lists them. Each user gets a version that every
 * session token carries: bumping it (new password, disabled, role changed, "sign out
 * everywhere") makes every token issued before worthless at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("session_version", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("session_version").execute();
}
