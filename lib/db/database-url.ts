import path from "node:path";

export type DatabaseTarget = { dialect: "sqlite"; filename: string };

/**
 * DATABASE_URL → where the store lives. SQLite: `file:./data/atelier.db`, `sqlite:…`, a plain
 * path, or `:memory:`. Relative paths are relative to the working directory.
 */
export function parseDatabaseUrl(databaseUrl: string, cwd: string): DatabaseTarget {
  if (databaseUrl === ":memory:") return { dialect: "sqlite", filename: ":memory:" };
  if (/^postgres(ql)?:/i.test(databaseUrl)) {
    throw new Error("DATABASE_URL: Postgres is not supported yet; use a SQLite path such as file:./data/atelier.db.");
  }
  const withoutScheme = databaseUrl.replace(/^(file|sqlite):(\/\/)?/i, "");
  if (withoutScheme === "") throw new Error("DATABASE_URL: the SQLite file path is empty.");
  return { dialect: "sqlite", filename: path.resolve(cwd, withoutScheme) };
}
