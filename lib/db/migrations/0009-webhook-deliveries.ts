import type { Kysely } from "kysely";

/**
 * FLORA's webhook deliveries already acted on, by event id (`whd_…`): a redelivery (FLORA
 * retries until it hears 2xx) finds its id here and changes nothing. The primary key makes
 * "insert if absent" atomic, so two instances given the same delivery act once. Ids older
 * than a week are pruned: far past FLORA's retries. Schema builder only, so it runs on
 * SQLite and Postgres alike, with no dialect twin.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("event_id", "text", (col) => col.primaryKey())
    .addColumn("run_id", "text", (col) => col.notNull())
    .addColumn("received_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("webhook_deliveries_received_at").on("webhook_deliveries").column("received_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("webhook_deliveries").execute();
}
