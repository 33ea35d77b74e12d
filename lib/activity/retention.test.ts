import type { Kysely } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordActivity } from "@/lib/activity/record";
import { PRUNE_EVERY_MS, pruneActivity, startActivityRetention } from "@/lib/activity/retention";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-11-29T12:00:00Z");

async function storeWith(ages: number[]) {
  const db: Kysely<Database> = await memoryDatabase();
  for (const age of ages) await recordActivity(db, { kind: "sign_in", actor: null, subject: String(age) }, NOW - age);
  return db;
}
const subjects = async (db: Kysely<Database>) => (await db.selectFrom("activity").select("subject").orderBy("at", "desc").execute()).map((r) => Number(r.subject));

afterEach(() => vi.useRealTimers());

describe("pruneActivity", () => {
  it("removes entries older than the retention, keeping the one exactly at its edge", async () => {
    const db = await storeWith([0, 30 * DAY - 1, 30 * DAY, 30 * DAY + 1, 400 * DAY]);
    expect(await pruneActivity(db, 30, NOW)).toBe(2);
    expect(await subjects(db)).toEqual([0, 30 * DAY - 1, 30 * DAY]);
    expect(await pruneActivity(db, 30, NOW)).toBe(0);
  });
});

describe("startActivityRetention", () => {
  it("prunes at once, then again each day, and reports what it removed", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date", "setInterval", "clearInterval"] });
    const db = await storeWith([DAY + 1, 2 * DAY + 1]);
    const report = { info: vi.fn(), error: vi.fn() };
    const retention = startActivityRetention(db, 2, report);
    await retention.done;
    expect(await subjects(db)).toEqual([DAY + 1]);
    expect(report.info).toHaveBeenCalledWith("Activity: removed 1 entry older than 2 days (ACTIVITY_RETENTION_DAYS).");

    // A day later the entry that was a day and a bit old is two days and a bit: the next prune takes it.
    await vi.advanceTimersByTimeAsync(PRUNE_EVERY_MS);
    await vi.waitFor(async () => expect(await subjects(db)).toEqual([]));
    retention.stop();
    expect(report.error).not.toHaveBeenCalled();
  });

  it("reports a failed prune instead of throwing", async () => {
    const broken = { deleteFrom: () => ({ where: () => ({ executeTakeFirst: async () => Promise.reject(new Error("locked")) }) }) } as unknown as Kysely<Database>;
    const report = { info: vi.fn(), error: vi.fn() };
    const retention = startActivityRetention(broken, 365, report);
    await retention.done;
    retention.stop();
    expect(report.error).toHaveBeenCalledWith("Activity: pruning old entries failed: Error: locked");
  });
});
