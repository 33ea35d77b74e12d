import { beforeEach, describe, expect, it, vi } from "vitest";

// The store, the archive and the environment are stood in for: this tests what the answer
// carries and its HTTP status, not the dependencies themselves.
const getDb = vi.fn();
const checkArchive = vi.fn();
const warn = vi.fn();
vi.mock("@/lib/db", () => ({ getDb: () => getDb() }));
vi.mock("@/lib/archive/health", () => ({ checkArchive: () => checkArchive() }));
const env: { ATELIER_UPSTREAM: string; REDIS_URL: string | undefined } = { ATELIER_UPSTREAM: "flora", REDIS_URL: undefined };
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
// No connection was made (instrumentation-node.ts does not run here): with REDIS_URL set, that is an error.
vi.mock("@/lib/redis/connection", () => ({ sharedRedis: () => null }));
vi.mock("@/lib/log", () => ({ log: { warn: (...args: unknown[]) => warn(...args) }, describeError: (error: unknown) => ({ error: String(error) }) }));


async function freshModule() {
  vi.resetModules();
  return import("@/lib/health/health");
}

beforeEach(() => {
  env.REDIS_URL = undefined;
  getDb.mockReset();
  checkArchive.mockReset();
  warn.mockReset();
  checkArchive.mockResolvedValue({ status: "ok" });
});

describe("healthResponse", () => {
  it("keeps today's fields and adds the checks", async () => {
    const { memoryDatabase } = await import("@/lib/testing/memory-db");
    const db = await memoryDatabase();
    getDb.mockResolvedValue(db);
    const { healthResponse } = await freshModule();
    const response = await healthResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      upstream: "flora",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      checks: { store: { status: "ok" }, redis: { status: "off" }, archive: { status: "ok" } },
    });
    await db.destroy();
  });

  it("answers 503 with a fixed message when the store fails, and logs the details instead", async () => {
    getDb.mockRejectedValue(new Error("SQLITE_CANTOPEN: unable to open /srv/secret/atelier.db"));
    const { healthResponse } = await freshModule();
    const response = await healthResponse();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: "error", checks: { store: { status: "error", message: "The store cannot be read." } } });
    expect(text).not.toMatch(/srv|secret|SQLITE|atelier\.db/);
    expect(warn).toHaveBeenCalledWith("health check failed: store", expect.objectContaining({ error: expect.stringContaining("/srv/secret") }));
  });

  it("a Redis it cannot reach is degraded, not 503: every use of Redis falls back to memory", async () => {
    const { memoryDatabase } = await import("@/lib/testing/memory-db");
    const db = await memoryDatabase();
    getDb.mockResolvedValue(db);
    env.REDIS_URL = "redis://:s3cret@redis.internal:6379";
    const { healthResponse } = await freshModule();
    const response = await healthResponse();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: "degraded", checks: { store: { status: "ok" }, redis: { status: "error" } } });
    expect(text).not.toMatch(/s3cret|redis\.internal|6379/);
    await db.destroy();
  });

  it("asks the dependencies at most once in 2 s however often it is called", async () => {
    const { memoryDatabase } = await import("@/lib/testing/memory-db");
    const db = await memoryDatabase();
    getDb.mockResolvedValue(db);
    const { healthResponse } = await freshModule();
    await Promise.all(Array.from({ length: 50 }, () => healthResponse()));
    await healthResponse();
    expect(getDb).toHaveBeenCalledTimes(1);
    expect(checkArchive).toHaveBeenCalledTimes(1);
    await db.destroy();
  });
});
