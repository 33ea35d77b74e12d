import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { claimDelivery, KEEP_DELIVERIES_MS, pruneDeliveries, releaseDelivery } from "@/lib/webhooks/deliveries";

// On SQLite here, and on Postgres with TEST_POSTGRES=1: the claim is the store's primary key.
describe("webhook delivery claims", () => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await memoryDatabase();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("ten concurrent claims of one delivery (ten instances handed the redelivery): exactly one wins", async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimDelivery(db, "whd_same", "run_1")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await db.selectFrom("webhook_deliveries").selectAll().execute()).toHaveLength(1);
  });

  it("a released claim can be claimed again (FLORA's retry after a failed read)", async () => {
    expect(await claimDelivery(db, "whd_1", "run_1")).toBe(true);
    await releaseDelivery(db, "whd_1");
    expect(await claimDelivery(db, "whd_1", "run_1")).toBe(true);
    expect(await claimDelivery(db, "whd_1", "run_1")).toBe(false);
  });

  it("prunes only ids older than a week", async () => {
    const now = 1_800_000_000_000;
    await claimDelivery(db, "whd_old", "run_a", now - KEEP_DELIVERIES_MS - 1);
    await claimDelivery(db, "whd_edge", "run_b", now - KEEP_DELIVERIES_MS);
    expect(await pruneDeliveries(db, now)).toBe(1);
    expect((await db.selectFrom("webhook_deliveries").select("event_id").execute()).map((row) => row.event_id)).toEqual(["whd_edge"]);
  });
});
