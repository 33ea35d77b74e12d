import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => false }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const tokens = await import("@/app/api/account/tokens/route");
const oneToken = await import("@/app/api/account/tokens/[tokenId]/route");
const { addUser } = await import("@/lib/users/users");
const { findTokenById } = await import("@/lib/tokens/token-store");

const ORIGIN = "http://dash.example";
const noParams = { params: Promise.resolve({}) };
const headers = (extra: Record<string, string> = {}) => ({ host: "dash.example", origin: ORIGIN, ...extra });
const create = (body: unknown, extra: Record<string, string> = {}) =>
  tokens.POST(new NextRequest(`${ORIGIN}/api/account/tokens`, { method: "POST", body: JSON.stringify(body), headers: headers({ "content-type": "application/json", ...extra }) }), noParams);
const list = () => tokens.GET(new NextRequest(`${ORIGIN}/api/account/tokens`, { headers: headers() }), noParams);
const revoke = (id: string, extra: Record<string, string> = {}) =>
  oneToken.DELETE(new NextRequest(`${ORIGIN}/api/account/tokens/${id}`, { method: "DELETE", headers: headers(extra) }), { params: Promise.resolve({ tokenId: id }) });

type Body = { token?: string; id?: string; status?: string; tokens?: Array<{ name: string; owner_email: string }>; error?: { code: string; fields?: Array<{ field: string }> } };
async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Body };
}

let member: User;
let other: User;
let admin: User;
let counter = 0;
beforeEach(async () => {
  state.db = await memoryDatabase();
  counter += 1;
  member = await addUser(state.db, { email: `ana${counter}@x.example`, role: "member" });
  other = await addUser(state.db, { email: `bo${counter}@x.example`, role: "member" });
  admin = await addUser(state.db, { email: `cy${counter}@x.example`, role: "admin" });
  state.user = member;
});

const activity = () => state.db.selectFrom("activity").select(["kind", "actor_email", "subject"]).orderBy("at").execute();

describe("/api/account/tokens", () => {
  it("creates a token, shown in this answer only, and logs it", async () => {
    const created = await answer(await create({ name: "ci-script", expires_in_days: 30, role: "viewer" }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ token: expect.stringMatching(/^atl_/), name: "ci-script", role: "viewer", status: "active", owner_email: member.email });
    const listed = await answer(await list());
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token!.split("_")[2]);
    expect(JSON.stringify(listed.body)).not.toContain("secret_hash");
    expect(await activity()).toEqual([{ kind: "token_created", actor_email: member.email, subject: created.body.token!.slice(0, 12) }]);
  });

  it("refuses without a session (401), cross-site (403), a role above one's own (403) and bad bodies (400)", async () => {
    state.user = null;
    expect((await answer(await create({ name: "x", expires_in_days: null, role: "viewer" }))).status).toBe(401);
    state.user = member;
    expect((await answer(await create({ name: "x", expires_in_days: null, role: "viewer" }, { origin: "https://evil.example" }))).body.error?.code).toBe("forbidden");
    const tooHigh = await answer(await create({ name: "x", expires_in_days: null, role: "admin" }));
    expect(tooHigh).toMatchObject({ status: 403, body: { error: { code: "forbidden", fields: [{ field: "role" }] } } });
    for (const bad of [{ name: "", expires_in_days: 7, role: "viewer" }, { name: "x", expires_in_days: 14, role: "viewer" }, { name: "x", expires_in_days: null, role: "viewer", user_id: other.id }]) {
      expect((await answer(await create(bad))).status).toBe(400);
    }
    expect(await state.db.selectFrom("api_tokens").selectAll().execute()).toEqual([]);
  });

  it("lets an owner revoke their token, refuses someone else's (403) and an unknown id (404)", async () => {
    state.user = other;
    const othersToken = (await answer(await create({ name: "bo's", expires_in_days: null, role: "member" }))).body.id!;
    state.user = member;
    const own = (await answer(await create({ name: "mine", expires_in_days: 7, role: "member" }))).body.id!;

    expect(await answer(await revoke(othersToken))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await findTokenById(state.db, othersToken))!.revoked_at).toBeNull();
    expect((await answer(await revoke(crypto.randomUUID()))).status).toBe(404);
    expect((await answer(await revoke("not-a-uuid"))).status).toBe(400);
    expect((await answer(await revoke(own, { origin: "https://evil.example" }))).status).toBe(403);

    expect(await answer(await revoke(own))).toMatchObject({ status: 200, body: { token: { status: "revoked" } } });
    expect((await activity()).map((entry) => entry.kind)).toEqual(["token_created", "token_created", "token_revoked"]);
  });

  it("shows each teammate their own tokens; an admin sees and revokes everyone's", async () => {
    await create({ name: "mine", expires_in_days: null, role: "member" });
    state.user = other;
    const othersToken = (await answer(await create({ name: "bo's", expires_in_days: null, role: "member" }))).body.id!;
    expect((await answer(await list())).body.tokens!.map((token) => token.name)).toEqual(["bo's"]);
    state.user = admin;
    // Both made within the same millisecond, maybe: compare without the order.
    expect((await answer(await list())).body.tokens!.map((token) => [token.name, token.owner_email]).sort()).toEqual([
      ["bo's", other.email],
      ["mine", member.email],
    ]);
    expect((await answer(await revoke(othersToken))).status).toBe(200);
    expect(await activity()).toContainEqual({ kind: "token_revoked", actor_email: admin.email, subject: expect.stringMatching(/^atl_/) });
  });
});
