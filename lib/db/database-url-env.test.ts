import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env-schema";

// The simulator's environment: the only one that needs nothing else set.
const base = { ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1:4010/api/v1" };

describe("DATABASE_URL in the environment", () => {
  it("accepts a Postgres URL and the SQLite spellings", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "postgres://atelier:pw@db:5432/atelier" }).DATABASE_URL).toBe("postgres://atelier:pw@db:5432/atelier");
    expect(parseEnv({ ...base, DATABASE_URL: "postgresql://db/atelier" }).DATABASE_URL).toBe("postgresql://db/atelier");
    expect(parseEnv({ ...base, DATABASE_URL: "file:./data/a.db" }).DATABASE_URL).toBe("file:./data/a.db");
    expect(parseEnv(base).DATABASE_URL).toBe("file:./data/atelier.db");
  });

  it("stops the start with the variable's name when the URL cannot be opened", () => {
    expect(() => parseEnv({ ...base, DATABASE_URL: "postgres://" })).toThrow(EnvError);
    expect(() => parseEnv({ ...base, DATABASE_URL: "postgres://" })).toThrow(/DATABASE_URL .*names no host/);
    expect(() => parseEnv({ ...base, DATABASE_URL: "file:" })).toThrow(/DATABASE_URL .*path is empty/);
  });
});
