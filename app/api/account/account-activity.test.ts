import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { insertionOrder } from "@/lib/testing/insertion-order";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ AUTH_MAX_FAILED_ATTEMPTS: 3, USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const password = await import("@/app/api/account/password/route");
const sessions = await import("@/app/api/account/sessions/route");
const { addUser } = await import("@/lib/users/users");

const ORIGIN = "http://dash.example";
const headers = { host: "dash.example", origin: ORIGIN };
const noParams = { params: Promise.resolve({}) };

beforeEach(async () => {
  state.db = await memoryDatabase();
  state.user = await addUser(state.db, { email: "ana@x.example", role: "viewer", password: "current-password-1" });
});

describe("the account routes record the teammate's own changes", () => {
  it("a password change and sign-out-everywhere, by the teammate; a refused change records nothing", async () => {
    const change = (current: string) =>
      password.POST(
        new NextRequest(`${ORIGIN}/api/account/password`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ current_password: current, new_password: "new-password-2" }),
        }),
        noParams,
      );
    expect((await change("not-the-password")).status).toBe(400);
    expect((await change("current-password-1")).status).toBe(200);
    expect((await sessions.DELETE(new NextRequest(`${ORIGIN}/api/account/sessions`, { method: "DELETE", headers }), noParams)).status).toBe(204);
    const rows = await state.db.selectFrom("activity").selectAll().orderBy("at").orderBy(insertionOrder(state.db)).execute();
    expect(rows.map((row) => [row.kind, row.actor_id, row.subject, JSON.parse(row.detail_json!)])).toEqual([
      ["user_changed", state.user!.id, "ana@x.example", { change: "password_changed", via: "account" }],
      ["user_changed", state.user!.id, "ana@x.example", { change: "signed_out_everywhere", via: "account" }],
    ]);
  });
});
