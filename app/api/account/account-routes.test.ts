import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null, perMinute: 1_000 }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ AUTH_MAX_FAILED_ATTEMPTS: 3, USER_RATE_LIMIT_PER_MINUTE: state.perMinute }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => false }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const password = await import("@/app/api/account/password/route");
const sessions = await import("@/app/api/account/sessions/route");
const { addUser, findUserByEmail } = await import("@/lib/users/users");

const ORIGIN = "http://dash.example";
const noParams = { params: Promise.resolve({}) };

function post(body: string, headers: Record<string, string> = {}) {
  return new NextRequest(`${ORIGIN}/api/account/password`, {
    method: "POST",
    body,
    headers: { host: "dash.example", origin: ORIGIN, "content-type": "application/json", ...headers },
  });
}
const remove = (headers: Record<string, string> = {}) =>
  new NextRequest(`${ORIGIN}/api/account/sessions`, { method: "DELETE", headers: { host: "dash.example", origin: ORIGIN, ...headers } });

async function answer(response: Response) {
  return { status: response.status, body: (await response.json().catch(() => null)) as { error?: { code: string; fields?: Array<{ field: string }> } } | null };
}

let counter = 0;
beforeEach(async () => {
  state.db = await memoryDatabase();
  counter += 1;
  state.user = await addUser(state.db, { email: `ana${counter}@studio.example`, role: "viewer", password: "current-password-1" });
});

const version = async () => (await findUserByEmail(state.db, state.user!.email))!.session_version;

describe("POST /api/account/password", () => {
  it("refuses without a session (401) and a cross-site write (403), changing nothing", async () => {
    const body = JSON.stringify({ current_password: "current-password-1", new_password: "new-password-2" });
    const signedIn = state.user;
    state.user = null;
    expect((await answer(await password.POST(post(body), noParams))).status).toBe(401);
    state.user = signedIn;
    const crossSite = await answer(await password.POST(post(body, { origin: "https://evil.example" }), noParams));
    expect(crossSite).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await version()).toBe(0);
  });

  it("refuses bad input (400) with the field named, and a wrong current password on its field", async () => {
    const extra = await answer(await password.POST(post(JSON.stringify({ current_password: "x", new_password: "new-password-2", role: "admin" })), noParams));
    expect(extra).toMatchObject({ status: 400, body: { error: { code: "input_validation_error" } } });
    const same = await answer(await password.POST(post(JSON.stringify({ current_password: "current-password-1", new_password: "current-password-1" })), noParams));
    expect(same.body?.error?.fields?.[0]?.field).toBe("new_password");
    const wrong = await answer(await password.POST(post(JSON.stringify({ current_password: "not-it", new_password: "new-password-2" })), noParams));
    expect(wrong).toMatchObject({ status: 400, body: { error: { fields: [{ field: "current_password" }] } } });
    expect(await version()).toBe(0);
  });

  it("answers 429 after too many wrong current passwords, even with the right one", async () => {
    const attempt = (current: string) => password.POST(post(JSON.stringify({ current_password: current, new_password: "new-password-2" })), noParams);
    for (let i = 0; i < 3; i += 1) expect((await attempt(`wrong-${i}`)).status).toBe(400);
    const limited = await attempt("current-password-1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await version()).toBe(0);
  });

  it("changes the password and ends every session with the right current one", async () => {
    const changed = await password.POST(post(JSON.stringify({ current_password: "current-password-1", new_password: "new-password-2" })), noParams);
    expect(changed.status).toBe(200);
    expect(await version()).toBe(1);
  });
});

describe("DELETE /api/account/sessions", () => {
  it("refuses without a session (401), a cross-site request (403), and past the request budget (429)", async () => {
    const signedIn = state.user;
    state.user = null;
    expect((await answer(await sessions.DELETE(remove(), noParams))).status).toBe(401);
    state.user = signedIn;
    expect((await answer(await sessions.DELETE(remove({ origin: "https://evil.example" }), noParams))).status).toBe(403);
    expect(await version()).toBe(0);

    state.perMinute = 1;
    state.user = { ...signedIn!, id: `budget-${counter}` };
    expect((await sessions.DELETE(remove(), noParams)).status).toBe(204);
    const limited = await sessions.DELETE(remove(), noParams);
    expect(limited.status).toBe(429);
    state.perMinute = 1_000;
    state.user = signedIn;
  });

  it("ends every session of the signed-in teammate", async () => {
    expect((await sessions.DELETE(remove(), noParams)).status).toBe(204);
    expect(await version()).toBe(1);
  });
});
