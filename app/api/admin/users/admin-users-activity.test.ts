import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { insertionOrder } from "@/lib/testing/insertion-order";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => false }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const users = await import("@/app/api/admin/users/route");
const oneUser = await import("@/app/api/admin/users/[userId]/route");
const { addUser } = await import("@/lib/users/users");

const ORIGIN = "http://dash.example";
const headers = { host: "dash.example", origin: ORIGIN, "content-type": "application/json" };
const request = (method: string, path: string, body?: unknown) =>
  new NextRequest(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });

async function log() {
  const rows = await state.db.selectFrom("activity").selectAll().orderBy("at").orderBy(insertionOrder(state.db)).execute();
  return rows.map((row) => ({ kind: row.kind, who: row.actor_email, whoId: row.actor_id, subject: row.subject, detail: JSON.parse(row.detail_json ?? "null") }));
}

beforeEach(async () => {
  state.db = await memoryDatabase();
  state.user = await addUser(state.db, { email: "boss@x.example", role: "admin" });
});

describe("the admin users API records each change with the admin who made it", () => {
  it("add, role change, disable, enable and removal; a refused change records nothing", async () => {
    const added = await users.POST(request("POST", "/api/admin/users", { email: "ana@x.example", role: "viewer", password: "ana-password-1" }), { params: Promise.resolve({}) });
    expect(added.status).toBe(201);
    const { user } = (await added.json()) as { user: { id: string } };
    const params = { params: Promise.resolve({ userId: user.id }) };
    expect((await oneUser.PATCH(request("PATCH", `/api/admin/users/${user.id}`, { role: "admin" }), params)).status).toBe(200);
    expect((await oneUser.PATCH(request("PATCH", `/api/admin/users/${user.id}`, { disabled: true }), params)).status).toBe(200);
    expect((await oneUser.PATCH(request("PATCH", `/api/admin/users/${user.id}`, { disabled: false }), params)).status).toBe(200);
    expect((await oneUser.DELETE(request("DELETE", `/api/admin/users/${user.id}`), params)).status).toBe(204);
    // With ana gone the boss is the last active admin: demoting themselves is refused, and not recorded.
    const me = { params: Promise.resolve({ userId: state.user!.id }) };
    expect((await oneUser.PATCH(request("PATCH", `/api/admin/users/${state.user!.id}`, { role: "viewer" }), me)).status).toBe(409);

    const boss = { who: "boss@x.example", whoId: state.user!.id, subject: "ana@x.example" };
    expect(await log()).toEqual([
      { ...boss, kind: "user_added", detail: { role: "viewer", password: true, via: "admin_api" } },
      { ...boss, kind: "role_changed", detail: { from: "viewer", to: "admin", via: "admin_api" } },
      { ...boss, kind: "user_changed", detail: { change: "disabled", via: "admin_api" } },
      { ...boss, kind: "user_changed", detail: { change: "enabled", via: "admin_api" } },
      { ...boss, kind: "user_removed", detail: { role: "admin", via: "admin_api" } },
    ]);
  });
});
