import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, Role, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const list = await import("@/app/api/activity/route");
const exporter = await import("@/app/api/activity/export/route");
const { recordActivity } = await import("@/lib/activity/record");

const noParams = { params: Promise.resolve({}) };
const get = (path: string) => new NextRequest(`http://dash.example${path}`, { headers: { host: "dash.example" } });
const as = (role: Role) => {
  state.user = { id: `${role}-id`, email: `${role}@x.example`, name: null, role, password_hash: null, created_at: 0, disabled_at: null, is_demo: 0, session_version: 0 };
};
async function answer(response: Response) {
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

const ANA = "11111111-1111-4111-8111-111111111111";

beforeEach(async () => {
  state.db = await memoryDatabase();
  for (let i = 0; i < 5; i += 1) {
    await recordActivity(state.db, { kind: i === 4 ? "sign_in_failed" : "sign_in", actor: i === 4 ? null : { id: ANA, email: "ana@x.example" }, subject: i === 4 ? "+ana@x.example" : null }, Date.parse("2026-11-20T10:00:00Z") + i);
  }
});

describe("GET /api/activity", () => {
  it("refuses signed out (401), a member (403) and a viewer (403)", async () => {
    state.user = null;
    expect(await answer(await list.GET(get("/api/activity"), noParams))).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    for (const role of ["member", "viewer"] as const) {
      as(role);
      expect(await answer(await list.GET(get("/api/activity"), noParams))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    }
  });

  it("refuses a bad cursor, date, limit or parameter with 400 naming the field", async () => {
    as("admin");
    for (const [query, field] of [
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["from=2026-13-01", "from"],
      ["from=2026-11-21&to=2026-11-20", "to"],
      ["limit=500", "limit"],
      ["kind=coffee", "kind"],
    ] as const) {
      const refused = await answer(await list.GET(get(`/api/activity?${query}`), noParams));
      expect({ query, status: refused.status, code: (refused.body?.error as { code: string }).code, field: (refused.body?.error as { fields: Array<{ field: string }> }).fields[0]!.field }).toEqual({
        query,
        status: 400,
        code: "input_validation_error",
        field,
      });
    }
  });

  it("answers an admin a page of entries, newest first, and the next page by its cursor", async () => {
    as("admin");
    const first = await answer(await list.GET(get("/api/activity?limit=3"), noParams));
    expect(first.status).toBe(200);
    const entries = first.body!.entries as Array<{ kind: string; at: string }>;
    expect(entries.map((e) => e.at)).toEqual(["2026-11-20T10:00:00.004Z", "2026-11-20T10:00:00.003Z", "2026-11-20T10:00:00.002Z"]);
    const next = await answer(await list.GET(get(`/api/activity?limit=3&cursor=${first.body!.next_cursor as string}`), noParams));
    expect((next.body!.entries as unknown[]).length).toBe(2);
    expect(next.body!.next_cursor).toBeNull();
    const failed = await answer(await list.GET(get("/api/activity?kind=sign_in_failed&from=2026-11-20&to=2026-11-20"), noParams));
    expect(failed.body).toEqual({
      entries: [{ id: expect.any(String), at: "2026-11-20T10:00:00.004Z", kind: "sign_in_failed", actor: null, subject: "+ana@x.example", detail: null }],
      next_cursor: null,
    });
    const ana = await answer(await list.GET(get(`/api/activity?person=${ANA}&to=2026-11-19`), noParams));
    expect(ana.body).toEqual({ entries: [], next_cursor: null });
  });
});

describe("GET /api/activity/export", () => {
  it("refuses signed out (401), a member (403) and a bad filter (400)", async () => {
    state.user = null;
    expect((await exporter.GET(get("/api/activity/export"), noParams)).status).toBe(401);
    as("member");
    expect((await exporter.GET(get("/api/activity/export"), noParams)).status).toBe(403);
    as("admin");
    expect(await answer(await exporter.GET(get("/api/activity/export?to=yesterday"), noParams))).toMatchObject({ status: 400, body: { error: { fields: [{ field: "to" }] } } });
  });

  it("answers the filtered entries as a CSV attachment, a typed email kept as text", async () => {
    as("admin");
    const response = await exporter.GET(get("/api/activity/export?kind=sign_in_failed"), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="atelier-activity-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await response.text()).toBe("time_utc,kind,what,who,who_id,subject,details\r\n2026-11-20T10:00:00.004Z,sign_in_failed,Failed sign-in,,,'+ana@x.example,\r\n");
  });
});
