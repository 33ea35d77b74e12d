import { Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, DummyDriver } from "kysely";
import { describe, expect, it } from "vitest";
import { isSqlite } from "@/lib/db/dialect";
import { memoryDatabase } from "@/lib/testing/memory-db";

const offline = (Adapter: typeof PostgresAdapter | typeof MysqlAdapter, Compiler: typeof PostgresQueryCompiler | typeof MysqlQueryCompiler, Introspector: typeof PostgresIntrospector | typeof MysqlIntrospector) =>
  new Kysely<unknown>({
    dialect: {
      createAdapter: () => new Adapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new Introspector(db),
      createQueryCompiler: () => new Compiler(),
    },
  });

describe("isSqlite", () => {
  it("knows the store's SQLite, and says no to Postgres and MySQL without touching a database", async () => {
    const db = await memoryDatabase();
    expect(isSqlite(db)).toBe(true);
    await db.destroy();
    expect(isSqlite(offline(PostgresAdapter, PostgresQueryCompiler, PostgresIntrospector))).toBe(false);
    expect(isSqlite(offline(MysqlAdapter, MysqlQueryCompiler, MysqlIntrospector))).toBe(false);
  });
});
