import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

// The bearer path of route(): a real store behind it, the session cookie stubbed.
const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, cookieUser: null as User | null, perMinute: 1_000, demoProven: false }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.cookieUser }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => state.demoProven }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: state.perMinute }) }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const { route } = await import("@/lib/http/route");
const { forgetRememberedUsers } = await import("@/lib/auth/user-lookup");
const { forgetRememberedTokens } = await import("@/lib/tokens/token-memory");
const { createToken, findTokenById } = await import("@/lib/tokens/token-store");
const { revokeTokenAs } = await import("@/lib/tokens/token-service");
const { addUser, disableUser, setRole } = await import("@/lib/users/users");

const seen = vi.fn();
const handler = async (context: { user: User; token: unknown }) => {
  seen({ email: context.user.email, role: context.user.role, token: context.token });
  return Response.json({ ok: true });
};
const read = route({ role: "viewer" }, handler);
const launch = route({ role: "member", body: z.object({ prompt: z.string() }).strict() }, handler);

const ORIGIN = "http://dash.example";
const context = { params: Promise.resolve({}) };
function request(path: string, headers: Record<string, string>, method = "GET") {
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: { host: "dash.example", ...(method === "POST" && { "content-type": "application/json" }), ...headers },
    ...(method === "POST" && { body: '{"prompt":"a mug"}' }),
  });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function answer(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

let member: User;
let counter = 0;
beforeEach(async () => {
  state.db = await memoryDatabase();
  state.cookieUser = null;
  state.perMinute = 1_000;
  state.demoProven = false;
  forgetRememberedUsers();
  forgetRememberedTokens();
  seen.mockClear();
  counter += 1;
  member = await addUser(state.db, { email: `ana${counter}@x.example`, role: "member" });
});

const tokenFor = async (owner: User, role?: User["role"], expiresInDays: number | null = null, now?: number) =>
  createToken(state.db, { owner, name: "ci-script", role, expiresInDays }, now);

describe("route() with Authorization: Bearer atl_…", () => {
  it("acts as the token's owner on /api/v1, names the token, and skips the cross-site check", async () => {
    const { token, row } = await tokenFor(member);
    expect(await answer(await read(request("/api/v1/generations", bearer(token)), context))).toEqual({ status: 200, code: undefined });
    expect(seen).toHaveBeenLastCalledWith({ email: member.email, role: "member", token: { id: row.id, name: "ci-script" } });
    // A script has no Origin of the dashboard; a bearer request is not a cookie a page could ride on.
    const crossSite = await launch(request("/api/v1/generate", { ...bearer(token), origin: "https://ci.example", "sec-fetch-site": "cross-site" }, "POST"), context);
    expect(crossSite.status).toBe(200);
  });

  it.each([
    ["malformed", async () => "atl_nope"],
    ["unknown", async () => "atl_AAAAAAAA_" + "b".repeat(32)],
    ["with a wrong secret", async () => (await tokenFor(member)).token.slice(0, -4) + "zzzz"],
    ["revoked", async () => {
      const { token, row } = await tokenFor(member);
      await revokeTokenAs(member, row.id);
      return token;
    }],
    ["expired", async () => (await tokenFor(member, undefined, 7, Date.now() - 8 * 86_400_000)).token],
  ])("answers 401 at once for a %s token, even with a valid cookie", async (_label, make) => {
    const token = await make();
    state.cookieUser = member;
    expect(await answer(await read(request("/api/v1/generations", { ...bearer(token), cookie: "next-auth.session-token=x" }), context))).toEqual({ status: 401, code: "unauthorized" });
    expect(seen).not.toHaveBeenCalled();
  });

  it("refuses a token revoked after use from the very next request", async () => {
    const { token, row } = await tokenFor(member);
    expect((await read(request("/api/v1/generations", bearer(token)), context)).status).toBe(200);
    await revokeTokenAs(member, row.id);
    expect((await read(request("/api/v1/generations", bearer(token)), context)).status).toBe(401);
  });

  it("answers 403 when a viewer's token launches, and caps a token at its owner's current role", async () => {
    const viewerToken = (await tokenFor(member, "viewer")).token;
    expect(await answer(await launch(request("/api/v1/generate", bearer(viewerToken), "POST"), context))).toEqual({ status: 403, code: "forbidden" });
    const memberToken = (await tokenFor(member, "member")).token;
    await setRole(state.db, member.email, "viewer");
    forgetRememberedUsers();
    expect(await answer(await launch(request("/api/v1/generate", bearer(memberToken), "POST"), context))).toEqual({ status: 403, code: "forbidden" });
    expect(seen).not.toHaveBeenCalled();
  });

  it("refuses the token of a disabled owner, and a demo admin's unless the demo is proven", async () => {
    const { token } = await tokenFor(member);
    await disableUser(state.db, member.email);
    forgetRememberedUsers();
    expect((await read(request("/api/v1/generations", bearer(token)), context)).status).toBe(401);

    const demo = await addUser(state.db, { email: `demo${counter}@x.example`, role: "admin", isDemo: true });
    const demoToken = (await tokenFor(demo)).token;
    expect((await read(request("/api/v1/generations", bearer(demoToken)), context)).status).toBe(401);
    state.demoProven = true;
    expect((await read(request("/api/v1/generations", bearer(demoToken)), context)).status).toBe(200);
  });

  it("opens only /api/v1 and its event stream: a token on the account API is refused, even with a cookie", async () => {
    const { token } = await tokenFor(member);
    state.cookieUser = member;
    expect(await answer(await read(request("/api/account/tokens", bearer(token)), context))).toEqual({ status: 401, code: "unauthorized" });
    expect(await answer(await read(request("/api/eventsx", bearer(token)), context))).toEqual({ status: 401, code: "unauthorized" });
    state.cookieUser = null;
    expect(await answer(await read(request("/api/events", bearer(token)), context))).toEqual({ status: 200, code: undefined });
  });

  it("leaves a bearer value that is not ours (the SDK's placeholder key) to the session cookie", async () => {
    state.cookieUser = member;
    expect((await read(request("/api/v1/generations", bearer("not-the-flora-key")), context)).status).toBe(200);
    expect(seen).toHaveBeenLastCalledWith({ email: member.email, role: "member", token: null });
    state.cookieUser = null;
    expect((await read(request("/api/v1/generations", bearer("not-the-flora-key")), context)).status).toBe(401);
  });

  it("counts token requests against the owner's per-minute budget", async () => {
    state.perMinute = 2;
    const { token } = await tokenFor(member);
    state.cookieUser = member;
    expect((await read(request("/api/v1/generations", {}), context)).status).toBe(200);
    expect((await read(request("/api/v1/generations", bearer(token)), context)).status).toBe(200);
    expect(await answer(await read(request("/api/v1/generations", bearer(token)), context))).toEqual({ status: 429, code: "rate_limited" });
  });

  it("records the last-used time, writing it once however many requests follow within the minute", async () => {
    const { token, row } = await tokenFor(member);
    const before = Date.now();
    expect((await read(request("/api/v1/generations", bearer(token)), context)).status).toBe(200);
    const first = (await findTokenById(state.db, row.id))!.last_used_at!;
    expect(first).toBeGreaterThanOrEqual(before);
    forgetRememberedTokens();
    const update = vi.spyOn(state.db, "updateTable");
    for (let i = 0; i < 3; i += 1) expect((await read(request("/api/v1/generations", bearer(token)), context)).status).toBe(200);
    expect(update).not.toHaveBeenCalled();
    expect((await findTokenById(state.db, row.id))!.last_used_at).toBe(first);
  });
});
