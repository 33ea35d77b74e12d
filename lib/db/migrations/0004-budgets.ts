import type { Kysely } from "kysely";

/**
 * Monthly caps in USD (one row a cap: `team`, or a user's id) and, on each launch, the
 * money it holds against them. A launch's intent row *is* its reservation: it is written
 * with `reserved_usd` inside the same transaction that checks the caps, then settled to
 * FLORA's `charged_cost` (when the launch answers, and again when the run ends).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("budget_caps")
    .addColumn("scope", "text", (col) => col.primaryKey())
    .addColumn("monthly_usd", "double precision", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addColumn("updated_by", "text")
    .execute();

  // The calendar month (UTC, "2026-11") the launch's money counts in.
  await db.schema.alterTable("launches").addColumn("spend_month", "text").execute();
  // What the launch holds against the caps now: the estimate, then the charge.
  await db.schema.alterTable("launches").addColumn("reserved_usd", "double precision", (col) => col.notNull().defaultTo(0)).execute();
  // FLORA's charged_cost once known; null while only the estimate is held.
  await db.schema.alterTable("launches").addColumn("charged_usd", "double precision").execute();
  // Set when the run ended and its charge is final.
  await db.schema.alterTable("launches").addColumn("cost_final_at", "bigint").execute();
  await db.schema.createIndex("launches_month_user").on("launches").columns(["spend_month", "user_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("launches_month_user").execute();
  for (const column of ["cost_final_at", "charged_usd", "reserved_usd", "spend_month"]) {
    await db.schema.alterTable("launches").dropColumn(column).execute();
  }
  await db.schema.dropTable("budget_caps").execute();
}
