import { Migrator, sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/lib/db/connect";
import { isPostgres, isSqlite } from "@/lib/db/dialect";
import { MIGRATIONS } from "@/lib/db/migrations";
import type { Database } from "@/lib/db/schema";
import { searchLaunches } from "@/lib/search/search-launches";
import { onPostgres, testPostgresUrl } from "@/lib/testing/postgres-env";
import { postgresStore } from "@/lib/testing/postgres-stores";

/** Postgres only (npm run test:unit:pg): what the store layer must do differently there. */
const stores: Kysely<Database>[] = [];
const emptyStore = async () => {
  const db = await postgresStore(testPostgresUrl()!, { empty: true });
  stores.push(db);
  return db;
};
afterEach(async () => {
  for (const db of stores.splice(0)) await db.destroy();
});

const launch = (id: string, fields: Record<string, unknown>) => ({
  id,
  run_id: null,
  kind: "generation" as const,
  user_id: "u-ana",
  user_email: "a@x.test",
  type: "image",
  model: "m",
  technique_id: null,
  prompt: null,
  params_json: null,
  workspace_id: null,
  project_id: null,
  idempotency_key: `key-${id}`,
  status: "confirmed" as const,
  estimated_cost: null,
  response_json: null,
  error_code: null,
  created_at: 1_764_374_400_123,
  completed_at: null,
  ...fields,
});

const relations = async (db: Kysely<Database>) =>
  (await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'v') order by 1`.execute(db)).rows.map((row) => row.name);

describe.skipIf(!onPostgres())("the store on Postgres", () => {
  it("is Postgres, and reads bigints (times, counts, sums) as numbers", async () => {
    const db = await emptyStore();
    await migrateToLatest(db);
    expect([isPostgres(db), isSqlite(db)]).toEqual([true, false]);
    await db.insertInto("users").values({ id: "u-ana", email: "a@x.test", name: null, role: "member", password_hash: null, created_at: 1_764_374_400_123, disabled_at: null }).execute();
    const user = await db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ created_at: 1_764_374_400_123, is_demo: 0, session_version: 0 });
    const counted = await db.selectFrom("users").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(counted.n).toBe(1);
    const summed = await sql<{ total: number }>`select sum(x) as total from (values (2::bigint), (3::bigint)) as t(x)`.execute(db);
    expect(summed.rows[0]!.total).toBe(5);
  });

  it("runs every migration once, and keeps Kysely's records in the store's own schema", async () => {
    const db = await emptyStore();
    expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await relations(db)).toEqual(
      expect.arrayContaining(["activity", "api_tokens", "budget_caps", "budget_spend", "kysely_migration", "launch_search", "launches", "users"]),
    );
  });

  it("backfills the search index and the month's totals from launches recorded before, and migrates back down cleanly", async () => {
    const db = await emptyStore();
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: "public" });
    expect((await migrator.migrateTo("0005-activity")).error).toBeUndefined();
    await db.insertInto("users").values({ id: "u-ana", email: "a@x.test", name: null, role: "member", password_hash: null, created_at: 1, disabled_at: null }).execute();
    await db
      .insertInto("launches")
      .values([
        launch("l1", { prompt: "old harbour", params_json: '{"style":"ink"}', spend_month: "2026-11", reserved_usd: 0.2 }),
        launch("l2", { prompt: "other", params_json: "{not json", spend_month: "2026-11", reserved_usd: 0.1 }),
      ])
      .execute();

    await migrateToLatest(db);
    const found = await searchLaunches(db, { kind: "generation", limit: 10, text: "harbour ink" });
    expect(found.launches.map((l) => l.id)).toEqual(["l1"]);
    const totals = await db.selectFrom("budget_spend").selectAll().orderBy("scope").execute();
    expect(totals).toEqual([
      { month: "2026-11", scope: "team", reserved_micros: 300_000 },
      { month: "2026-11", scope: "u-ana", reserved_micros: 300_000 },
    ]);

    expect((await migrator.migrateTo("0005-activity")).error).toBeUndefined();
    const left = await relations(db);
    expect(left).not.toContain("launch_search");
    expect(left).not.toContain("budget_spend");
    // The triggers went with their functions: launches take writes again without them.
    await db.updateTable("launches").set({ reserved_usd: 1, prompt: "changed" }).where("id", "=", "l1").execute();
    expect(await migrateToLatest(db)).toEqual(["0006-prompt-search", "0007-budget-spend", ...Object.keys(MIGRATIONS).slice(7)]);
    expect((await db.selectFrom("budget_spend").select("reserved_micros").where("scope", "=", "team").executeTakeFirstOrThrow()).reserved_micros).toBe(1_100_000);
  });
});
