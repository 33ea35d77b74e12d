import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

/**
 * The deliveries acted on, by event id (lib/db/migrations/0009-webhook-deliveries.ts). The
 * claim is one insert-if-absent, so of two instances handed the same redelivery, exactly one
 * acts. Ids are kept a week, far past FLORA's retries; older ones are pruned by the claims
 * themselves, at most hourly per process, so no timer is needed.
 */
type Db = Kysely<Database>;

const DAY_MS = 24 * 60 * 60 * 1000;
export const KEEP_DELIVERIES_MS = 7 * DAY_MS;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

const pruned = globalThis as typeof globalThis & { __atelierDeliveriesPrunedAt?: number };

/** True when this delivery is new (and is now claimed), false for a redelivery. */
export async function claimDelivery(db: Db, eventId: string, runId: string, now = Date.now()): Promise<boolean> {
  await pruneDeliveriesNowAndThen(db, now);
  const result = await db
    .insertInto("webhook_deliveries")
    .values({ event_id: eventId, run_id: runId, received_at: now })
    .onConflict((conflict) => conflict.column("event_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Gives a claim back when acting failed, so FLORA's retry of the delivery is acted on. */
export async function releaseDelivery(db: Db, eventId: string): Promise<void> {
  await db.deleteFrom("webhook_deliveries").where("event_id", "=", eventId).execute();
}

/** Deletes ids older than a week; returns how many went. */
export async function pruneDeliveries(db: Db, now = Date.now()): Promise<number> {
  const { numDeletedRows } = await db.deleteFrom("webhook_deliveries").where("received_at", "<", now - KEEP_DELIVERIES_MS).executeTakeFirst();
  return Number(numDeletedRows);
}

async function pruneDeliveriesNowAndThen(db: Db, now: number): Promise<void> {
  if (now - (pruned.__atelierDeliveriesPrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  pruned.__atelierDeliveriesPrunedAt = now;
  await pruneDeliveries(db, now).catch(() => {
    // Pruning is housekeeping: a failure is retried with the next delivery, which goes on.
    pruned.__atelierDeliveriesPrunedAt = 0;
  });
}
