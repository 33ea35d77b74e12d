import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database, NewLaunch } from "@/lib/db/schema";
import { searchLaunches } from "@/lib/search/search-launches";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { onPostgres } from "@/lib/testing/postgres-env";

/**
 * Postgres only (npm run test:unit:pg): prompt search through tsvector. The behaviour both
 * stores share is in search-launches.test.ts, which runs on both; here what Postgres' own
 * query language could get wrong.
 */
let serial = 0;
const launch = (prompt: string, fields: Partial<NewLaunch> = {}): NewLaunch => {
  serial += 1;
  return {
    id: `launch-${serial}`,
    run_id: `run_${serial}`,
    kind: "generation",
    user_id: null,
    user_email: "ana@atelier.test",
    type: "image",
    model: "flux",
    technique_id: null,
    prompt,
    params_json: null,
    workspace_id: null,
    project_id: null,
    idempotency_key: `key-${serial}`,
    status: "confirmed",
    estimated_cost: null,
    response_json: null,
    error_code: null,
    created_at: serial * 1000,
    completed_at: null,
    ...fields,
  };
};

describe.skipIf(!onPostgres())("prompt search on Postgres", () => {
  let db: Kysely<Database>;
  const prompts = async (text: string) => (await searchLaunches(db, { kind: "generation", limit: 50, text })).launches.map((l) => l.prompt);

  beforeEach(async () => {
    db = await memoryDatabase();
    await db
      .insertInto("launches")
      .values([
        launch("neon sign"),
        launch("city street"),
        launch("neon city at night"),
        launch("it's a lighthouse"),
        launch("Café au lait"),
        launch("sunset-orange sky"),
        launch("plain", { params_json: JSON.stringify({ style: "Watercolour", steps: 30 }) }),
      ])
      .execute();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("reads tsquery operators as characters, never as operators", async () => {
    // `|` would be OR (and find "city street"), `!` NOT (and find all but neon).
    expect(await prompts("neon | city")).toEqual(["neon city at night"]);
    expect((await prompts("!neon")).sort()).toEqual(["neon city at night", "neon sign"]);
    expect(await prompts("neon & !city")).toEqual(["neon city at night"]);
    expect(await prompts("it's")).toEqual(["it's a lighthouse"]);
    // Not a syntax error, and not a weight filter (`:A`) or a prefix of everything (`:*`).
    for (const text of ["'", "\\", "neon:*", "neon:A", "(neon", "neon <-> sign", "'); drop table launches; --", "$1", "''"]) {
      await expect(searchLaunches(db, { kind: "generation", limit: 50, text }), text).resolves.toBeDefined();
    }
    expect((await sql<{ n: number }>`select count(*) as n from launches`.execute(db)).rows[0]!.n).toBe(7);
  });

  it("finds a word still being typed, folds case and accents, and splits words as the index does", async () => {
    expect(await prompts("LIGHTHO")).toEqual(["it's a lighthouse"]);
    expect(await prompts("cafe")).toEqual(["Café au lait"]);
    expect(await prompts("CAFÉ AU")).toEqual(["Café au lait"]);
    expect(await prompts("sunset-orange")).toEqual(["sunset-orange sky"]);
    expect(await prompts("orange")).toEqual(["sunset-orange sky"]);
    expect(await prompts("watercolour 30")).toEqual(["plain"]);
    expect(await prompts("style")).toEqual([]);
  });

  it("ranks a word in the prompt above the same word in the params", async () => {
    await db.insertInto("launches").values([launch("harbour", { params_json: '{"mood":"misty"}' }), launch("misty harbour")]).execute();
    expect(await prompts("misty")).toEqual(["misty harbour", "harbour"]);
  });
});
