import path from "node:path";

export type DatabaseTarget = { dialect: "sqlite"; filename: string } | { dialect: "postgres"; connectionString: string };

/**
 * DATABASE_URL → where the store lives. Postgres: `postgres://…` or `postgresql://…`, handed
 * to `pg` as it is (so `?sslmode=…` and `?options=-c search_path=…` work as in libpq).
 * SQLite: `file:./data/atelier.db`, `sqlite:…`, a plain path, or `:memory:`; relative paths
 * are relative to the working directory.
 */
export function parseDatabaseUrl(databaseUrl: string, cwd: string): DatabaseTarget {
  if (databaseUrl === ":memory:") return { dialect: "sqlite", filename: ":memory:" };
  if (/^postgres(ql)?:/i.test(databaseUrl)) {
    let parsed: URL;
    try {
      parsed = new URL(databaseUrl);
    } catch {
      throw new Error("DATABASE_URL: not a Postgres URL; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
      throw new Error("DATABASE_URL: the Postgres URL names no host; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE.");
    }
    return { dialect: "postgres", connectionString: databaseUrl };
  }
  const withoutScheme = databaseUrl.replace(/^(file|sqlite):(\/\/)?/i, "");
  if (withoutScheme === "") throw new Error("DATABASE_URL: the SQLite file path is empty.");
  return { dialect: "sqlite", filename: path.resolve(cwd, withoutScheme) };
}
