import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

/** The budget routes' refusals (401, 403, 400, 404) and their one job each. */
const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const userBudget = await import("@/app/api/admin/users/[userId]/budget/route");
const teamBudget = await import("@/app/api/admin/budget/route");
const accountBudget = await import("@/app/api/account/budget/route");
const { addUser } = await import("@/lib/users/users");
const { allCaps, setCap } = await import("@/lib/budgets/caps");
const { reserveLaunch } = await import("@/lib/budgets/reserve");
const { intentRow } = await import("@/lib/launches/launch-store");

const ORIGIN = "http://dash.example";
const headers = { host: "dash.example", origin: ORIGIN, "content-type": "application/json" };
const put = (path: string, body: string, extra: Record<string, string> = {}) =>
  new NextRequest(`${ORIGIN}${path}`, { method: "PUT", body, headers: { ...headers, ...extra } });
const paramsOf = (userId: string) => ({ params: Promise.resolve({ userId }) });
const noParams = { params: Promise.resolve({}) };

async function answer(response: Response) {
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Array<{ field: string }> } } };
}

let admin: User;
let member: User;
let counter = 0;
beforeEach(async () => {
  state.db = await memoryDatabase();
  counter += 1;
  admin = await addUser(state.db, { email: `admin${counter}@studio.example`, role: "admin" });
  member = await addUser(state.db, { email: `member${counter}@studio.example`, role: "member" });
  state.user = admin;
});

describe("PUT /api/admin/users/{userId}/budget", () => {
  const set = (userId: string, body: unknown) => userBudget.PUT(put(`/api/admin/users/${userId}/budget`, JSON.stringify(body)), paramsOf(userId));

  it("sets and clears a teammate's cap, recording who did it", async () => {
    expect(await answer(await set(member.id, { monthly_usd: 25 }))).toMatchObject({ status: 200, body: { scope: "user", monthly_usd: 25 } });
    expect((await allCaps(state.db)).get(member.id)).toBe(25);
    expect(await answer(await set(member.id, { monthly_usd: null }))).toMatchObject({ status: 200, body: { monthly_usd: null } });
    expect((await allCaps(state.db)).has(member.id)).toBe(false);
    const entries = await state.db.selectFrom("activity").selectAll().where("kind", "=", "budget_changed").execute();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actor_email: admin.email, subject: member.email });
  });

  it("refuses no session (401), a member (403), a cross-site write (403), bad amounts (400) and an unknown user (404)", async () => {
    state.user = null;
    expect((await answer(await set(member.id, { monthly_usd: 5 }))).status).toBe(401);
    state.user = member;
    expect(await answer(await set(member.id, { monthly_usd: 500 }))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    state.user = admin;
    const crossSite = await userBudget.PUT(put(`/api/admin/users/${member.id}/budget`, JSON.stringify({ monthly_usd: 5 }), { origin: "https://evil.example" }), paramsOf(member.id));
    expect(crossSite.status).toBe(403);
    for (const body of [{ monthly_usd: -1 }, { monthly_usd: "5" }, { monthly_usd: 2_000_000 }, {}, { monthly_usd: 5, scope: "team" }]) {
      const refused = await answer(await set(member.id, body));
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error?.code).toBe("input_validation_error");
    }
    expect((await answer(await set("00000000-0000-4000-8000-000000000000", { monthly_usd: 5 }))).status).toBe(404);
    expect((await allCaps(state.db)).size).toBe(0);
  });
});

describe("PUT /api/admin/budget", () => {
  const set = (body: unknown) => teamBudget.PUT(put("/api/admin/budget", JSON.stringify(body)), noParams);

  it("sets the team's cap for admins only", async () => {
    expect(await answer(await set({ monthly_usd: 100 }))).toMatchObject({ status: 200, body: { scope: "team", monthly_usd: 100 } });
    state.user = member;
    expect((await answer(await set({ monthly_usd: 1_000 }))).status).toBe(403);
    state.user = admin;
    expect((await answer(await set({ monthly_usd: "lots" }))).status).toBe(400);
    expect((await allCaps(state.db)).get("team")).toBe(100);
  });
});

describe("GET /api/account/budget", () => {
  it("tells a teammate this month's caps that apply to them, theirs first", async () => {
    await setCap(state.db, "team", 10, null);
    await setCap(state.db, member.id, 1, null);
    const now = Date.now();
    const row = intentRow({ kind: "generation", userId: member.id, userEmail: member.email, type: "image", model: "m", techniqueId: null, prompt: "p", params: {}, workspaceId: null, projectId: null, idempotencyKey: "k" }, now);
    await reserveLaunch(state.db, row, 0.85, { now });
    state.user = member;
    const { status, body } = await answer(await accountBudget.GET(new NextRequest(`${ORIGIN}/api/account/budget`, { headers }), noParams));
    expect(status).toBe(200);
    expect(body.month).toMatch(/^\d{4}-\d{2}$/);
    expect(body.caps).toEqual([
      { scope: "user", cap: 1, spent: 0.85, left: 0.15, ratio: 0.85 },
      { scope: "team", cap: 10, spent: 0.85, left: 9.15, ratio: 0.085 },
    ]);
    state.user = null;
    expect((await accountBudget.GET(new NextRequest(`${ORIGIN}/api/account/budget`, { headers }), noParams)).status).toBe(401);
  });
});
