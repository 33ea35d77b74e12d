import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { encodeActivityCursor } from "@/lib/activity/cursor";
import { queryActivity, type ActivityQuery } from "@/lib/activity/query";
import { activityListQuerySchema, toSelection } from "@/lib/activity/query-schema";
import type { ActivityKind } from "@/lib/activity/kinds";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

let db: Kysely<Database>;

const ANA = "11111111-1111-4111-8111-111111111111";
const BO = "22222222-2222-4222-8222-222222222222";
const at = (iso: string) => Date.parse(iso);

async function entry(id: string, when: number, kind: ActivityKind, actorId: string | null = ANA) {
  await db
    .insertInto("activity")
    .values({ id, at: when, kind, actor_id: actorId, actor_email: actorId === ANA ? "ana@x.example" : actorId && "bo@x.example", subject: null, detail_json: null })
    .execute();
}

/** Every page of a query, following the cursor, as lists of ids. */
async function allPages(query: Omit<ActivityQuery, "cursor">) {
  const pages: string[][] = [];
  let cursor: ActivityQuery["cursor"];
  for (;;) {
    const page = await queryActivity(db, { ...query, cursor });
    pages.push(page.entries.map((e) => e.id));
    if (!page.next_cursor) return pages;
    cursor = activityListQuerySchema.parse({ cursor: page.next_cursor }).cursor;
    expect(pages.length).toBeLessThan(50);
  }
}

beforeEach(async () => {
  db = await memoryDatabase();
});

describe("queryActivity", () => {
  it("lists newest first, by time then id, and says where the next page starts", async () => {
    await entry("a", 1_000, "sign_in");
    await entry("b", 3_000, "launch");
    await entry("c", 2_000, "sign_in_failed", null);
    const page = await queryActivity(db, { limit: 2 });
    expect(page.entries.map((e) => e.id)).toEqual(["b", "c"]);
    expect(page.entries[1]).toEqual({ id: "c", at: new Date(2_000).toISOString(), kind: "sign_in_failed", actor: null, subject: null, detail: null });
    expect(page.next_cursor).toBe(encodeActivityCursor({ at: 2_000, id: "c" }));
    const rest = await queryActivity(db, { limit: 2, cursor: { at: 2_000, id: "c" } });
    expect(rest).toEqual({ entries: [expect.objectContaining({ id: "a" })], next_cursor: null });
  });

  it("pages through entries that share one millisecond without repeating or skipping any", async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `e${i}`);
    // Written out of order, all at the same moment, with older and newer ones around them.
    for (const id of ["e3", "e0", "e6", "e1", "e5", "e2", "e4"]) await entry(id, 5_000, "launch");
    await entry("older", 4_999, "launch");
    await entry("newer", 5_001, "launch");
    const pages = await allPages({ limit: 3 });
    expect(pages).toEqual([
      ["newer", "e6", "e5"],
      ["e4", "e3", "e2"],
      ["e1", "e0", "older"],
    ]);
    expect(pages.flat().sort()).toEqual([...ids, "newer", "older"].sort());
  });

  it("a page cut exactly at the end has no next cursor", async () => {
    await entry("a", 1, "launch");
    await entry("b", 2, "launch");
    expect((await queryActivity(db, { limit: 2 })).next_cursor).toBeNull();
  });

  it("filters by person, kind, and UTC days with both ends included", async () => {
    await entry("before", at("2026-11-09T23:59:59.999Z"), "sign_in");
    await entry("first", at("2026-11-10T00:00:00.000Z"), "sign_in");
    await entry("bo-first", at("2026-11-10T12:00:00.000Z"), "sign_in", BO);
    await entry("launch", at("2026-11-11T08:00:00.000Z"), "launch");
    await entry("last", at("2026-11-11T23:59:59.999Z"), "sign_in");
    await entry("after", at("2026-11-12T00:00:00.000Z"), "sign_in");
    const ids = async (query: Record<string, string>) =>
      (await queryActivity(db, { ...toSelection(activityListQuerySchema.parse(query)), limit: 100 })).entries.map((e) => e.id);

    expect(await ids({ from: "2026-11-10", to: "2026-11-11" })).toEqual(["last", "launch", "bo-first", "first"]);
    expect(await ids({ from: "2026-11-10", to: "2026-11-11", kind: "sign_in" })).toEqual(["last", "bo-first", "first"]);
    expect(await ids({ person: BO })).toEqual(["bo-first"]);
    expect(await ids({ person: ANA, kind: "sign_in", to: "2026-11-10" })).toEqual(["first", "before"]);
    expect(await ids({ from: "2026-11-12" })).toEqual(["after"]);
    // A moment is taken as it is, both ends included; a zone other than UTC is converted.
    expect(await ids({ from: "2026-11-10T12:00:00Z", to: "2026-11-11T09:00:00+01:00" })).toEqual(["launch", "bo-first"]);
  });

  it("reads back the detail it was given, and survives a detail that is not an object", async () => {
    await db.insertInto("activity").values({ id: "x", at: 1, kind: "launch", actor_id: null, actor_email: "a@x.example", subject: "run_1", detail_json: '{"model":"m","estimate_usd":0.1}' }).execute();
    await db.insertInto("activity").values({ id: "y", at: 2, kind: "launch", actor_id: null, actor_email: null, subject: null, detail_json: "not json" }).execute();
    const { entries } = await queryActivity(db, { limit: 10 });
    expect(entries.map((e) => [e.actor, e.detail])).toEqual([
      [null, { value: "not json" }],
      [{ id: null, email: "a@x.example" }, { model: "m", estimate_usd: 0.1 }],
    ]);
  });
});
