import { Migrator, sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { isSqlite } from "@/lib/db/dialect";
import { MIGRATIONS } from "@/lib/db/migrations";
import type { Database, NewLaunch } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { LaunchCursorError, searchLaunches, type LaunchQuery } from "@/lib/search/search-launches";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
  for (const id of ["u-ana", "u-ben"]) {
    await db.insertInto("users").values({ id, email: `${id}@atelier.test`, name: null, role: "member", password_hash: null, created_at: 1, disabled_at: null }).execute();
  }
});
afterEach(async () => {
  await db.destroy();
});

let serial = 0;
function launch(fields: Partial<NewLaunch> = {}): NewLaunch {
  serial += 1;
  return {
    id: `launch-${serial}`,
    run_id: `run_${serial}`,
    kind: "generation",
    user_id: "u-ana",
    user_email: "u-ana@atelier.test",
    type: "image",
    model: "flux",
    technique_id: null,
    prompt: null,
    params_json: null,
    workspace_id: "ws_a",
    project_id: "prj_a",
    idempotency_key: `key-${serial}`,
    status: "confirmed",
    estimated_cost: null,
    response_json: null,
    error_code: null,
    created_at: serial * 1000,
    completed_at: null,
    ...fields,
  };
}

async function add(...launches: NewLaunch[]) {
  await db.insertInto("launches").values(launches).execute();
  return launches.map((l) => l.id);
}

const search = (query: Partial<LaunchQuery>) => searchLaunches(db, { kind: "generation", limit: 50, ...query });
const ids = async (query: Partial<LaunchQuery>) => (await search(query)).launches.map((l) => l.id);
// The index's text: SQLite's FTS5 table (in rowid order), or Postgres' side table (0006-prompt-search-postgres.ts).
const indexed = async () =>
  (await (isSqlite(db) ? sql<{ prompt: string; params: string }>`select prompt, params from launch_search order by rowid` : sql<{ prompt: string; params: string }>`select prompt, params from launch_search order by launch_id`).execute(db)).rows;

describe("the search index", () => {
  it("follows launches: a new launch is found, an edited prompt is found by its new words only, a removed launch is gone", async () => {
    const [id] = await add(launch({ prompt: "a lighthouse at dusk" }));
    expect(await ids({ text: "lighthouse" })).toEqual([id]);

    await db.updateTable("launches").set({ prompt: "a windmill at noon" }).where("id", "=", id!).execute();
    expect(await ids({ text: "lighthouse" })).toEqual([]);
    expect(await ids({ text: "windmill" })).toEqual([id]);

    await db.deleteFrom("launches").where("id", "=", id!).execute();
    expect(await ids({ text: "windmill" })).toEqual([]);
    expect(await indexed()).toEqual([]);
    // SQLite's id map; Postgres has none (its index rows go with their launch by foreign key).
    if (isSqlite(db)) expect((await sql`select * from launch_search_rows`.execute(db)).rows).toEqual([]);
  });

  it("indexes param values, not the params' keys or JSON punctuation", async () => {
    const [id] = await add(launch({ prompt: "portrait", params_json: JSON.stringify({ style: "watercolour", seed: 4242, tags: ["misty", "dawn"], raw: true, nested: { mood: "calm" } }) }));
    expect(await indexed()).toEqual([{ prompt: "portrait", params: "watercolour 4242 misty dawn calm" }]);
    expect(await ids({ text: "watercolour" })).toEqual([id]);
    expect(await ids({ text: "4242" })).toEqual([id]);
    expect(await ids({ text: "style" })).toEqual([]);
    expect(await ids({ text: "true" })).toEqual([]);
  });

  it("indexes a technique's input values, not their ids or types", async () => {
    const inputs = [
      { id: "subject", type: "text", value: "ceramic teapot" },
      { id: "reference", type: "imageUrl", value: "https://cdn.example/teapot.png" },
    ];
    const [id] = await add(launch({ kind: "technique", technique_id: "tech_x", prompt: "ceramic teapot", params_json: JSON.stringify(inputs) }));
    expect((await indexed())[0]!.params).toBe("ceramic teapot https://cdn.example/teapot.png");
    expect(await searchLaunches(db, { kind: "technique", limit: 10, text: "cdn.example" })).toMatchObject({ launches: [{ id }] });
    expect((await searchLaunches(db, { kind: "technique", limit: 10, text: "imageUrl" })).launches).toEqual([]);
    expect((await searchLaunches(db, { kind: "technique", limit: 10, text: "reference" })).launches).toEqual([]);
  });

  it("keeps accepting launches whose params are not JSON (they index no params)", async () => {
    const [id] = await add(launch({ prompt: "kept", params_json: "{not json" }));
    expect(await ids({ text: "kept" })).toEqual([id]);
  });

  it("backfills the launches recorded before the migration", async () => {
    const file = openDatabase(":memory:");
    const migrator = new Migrator({ db: file, provider: { getMigrations: async () => MIGRATIONS } });
    await migrator.migrateTo("0005-activity");
    await file.insertInto("users").values({ id: "u-ana", email: "a@x.test", name: null, role: "member", password_hash: null, created_at: 1, disabled_at: null }).execute();
    await file.insertInto("launches").values([launch({ prompt: "old harbour", params_json: '{"style":"ink"}' }), launch({ prompt: "other" })]).execute();
    await migrateToLatest(file);
    const found = await searchLaunches(file, { kind: "generation", limit: 10, text: "harbour ink" });
    expect(found.launches.map((l) => l.prompt)).toEqual(["old harbour"]);
    await migrator.migrateTo("0005-activity");
    expect((await sql`select name from sqlite_master where name like 'launch_search%'`.execute(file)).rows).toEqual([]);
    await file.destroy();
  });
});

describe("searchLaunches", () => {
  it("ranks a prompt match above a param match, and more matches above fewer", async () => {
    const [inParams, inPrompt, twice] = await add(
      launch({ prompt: "city street", params_json: JSON.stringify({ style: "neon" }) }),
      launch({ prompt: "neon sign over a bar" }),
      launch({ prompt: "neon neon neon" }),
    );
    expect(await ids({ text: "neon" })).toEqual([twice, inPrompt, inParams]);
  });

  it("lists newest first without words, and filters by launcher, place, kind and technique", async () => {
    const [a1, b1, a2] = await add(
      launch({ prompt: "one" }),
      launch({ prompt: "two", user_id: "u-ben", user_email: "u-ben@atelier.test", workspace_id: "ws_b", project_id: "prj_b" }),
      launch({ prompt: "three" }),
    );
    const [t1] = await add(launch({ kind: "technique", technique_id: "tech_x", prompt: "one" }), launch({ kind: "technique", technique_id: "tech_y", prompt: "one" }));
    expect(await ids({})).toEqual([a2, b1, a1]);
    expect(await ids({ userId: "u-ana" })).toEqual([a2, a1]);
    expect(await ids({ userId: "u-ben", text: "two" })).toEqual([b1]);
    expect(await ids({ userId: "u-ben", text: "one" })).toEqual([]);
    expect(await ids({ workspaceId: "ws_b" })).toEqual([b1]);
    expect(await ids({ projectId: "prj_a" })).toEqual([a2, a1]);
    expect((await searchLaunches(db, { kind: "technique", limit: 10, text: "one", techniqueId: "tech_x" })).launches.map((l) => l.id)).toEqual([t1]);
  });

  it("leaves out refused launches, and keeps pending and unconfirmed ones (they have no run yet)", async () => {
    const [pending, , unconfirmed] = await add(
      launch({ prompt: "kite", run_id: null, status: "pending" }),
      launch({ prompt: "kite", run_id: null, status: "rejected" }),
      launch({ prompt: "kite", run_id: null, status: "unconfirmed" }),
    );
    expect(await ids({ text: "kite" })).toEqual([unconfirmed, pending]);
  });

  it("pages by rank and by time with cursors, to the end", async () => {
    for (let i = 0; i < 5; i += 1) await add(launch({ prompt: `boat ${"boat ".repeat(i)}` }));
    const ranked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ text: "boat", limit: 2, cursor });
      ranked.push(...page.launches.map((l) => l.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ranked).toEqual(await ids({ text: "boat" }));
    expect(ranked).toHaveLength(5);

    const timed: string[] = [];
    do {
      const page = await search({ limit: 2, cursor });
      timed.push(...page.launches.map((l) => l.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(timed).toEqual(await ids({}));
  });

  it("finds nothing for text without a word, and refuses a cursor it did not give out", async () => {
    await add(launch({ prompt: "anything" }));
    expect(await search({ text: '"*"' })).toEqual({ launches: [], nextCursor: null });
    await expect(search({ cursor: "bogus" })).rejects.toBeInstanceOf(LaunchCursorError);
    await expect(search({ text: "anything", cursor: "t.1.x" })).rejects.toBeInstanceOf(LaunchCursorError);
    await expect(search({ cursor: "r.2" })).rejects.toBeInstanceOf(LaunchCursorError);
  });
});
