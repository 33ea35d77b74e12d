import { Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, DummyDriver } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connect";
import { isPostgres, isSqlite } from "@/lib/db/dialect";

const offline = (Adapter: typeof PostgresAdapter | typeof MysqlAdapter, Compiler: typeof PostgresQueryCompiler | typeof MysqlQueryCompiler, Introspector: typeof PostgresIntrospector | typeof MysqlIntrospector) =>
  new Kysely<unknown>({
    dialect: {
      createAdapter: () => new Adapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new Introspector(db),
      createQueryCompiler: () => new Compiler(),
    },
  });

describe("isSqlite and isPostgres", () => {
  it("know the store's SQLite and Postgres, and say no to MySQL, without touching a database", async () => {
    const sqlite = openDatabase(":memory:");
    expect([isSqlite(sqlite), isPostgres(sqlite)]).toEqual([true, false]);
    await sqlite.destroy();
    // Opening a Postgres store connects nobody until the first query.
    const postgres = openDatabase("postgres://nobody@127.0.0.1:1/none");
    expect([isSqlite(postgres), isPostgres(postgres)]).toEqual([false, true]);
    await postgres.destroy();
    const offlinePostgres = offline(PostgresAdapter, PostgresQueryCompiler, PostgresIntrospector);
    expect([isSqlite(offlinePostgres), isPostgres(offlinePostgres)]).toEqual([false, true]);
    const mysql = offline(MysqlAdapter, MysqlQueryCompiler, MysqlIntrospector);
    expect([isSqlite(mysql), isPostgres(mysql)]).toEqual([false, false]);
  });
});
