import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null, runReads: [] as string[] }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => false }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));
// FLORA knows run_known (and tech_1's run_tech); any other id is its 404.
vi.mock("@/lib/runs/read-run", async () => {
  const { UpstreamCallError } = await import("@/lib/flora/call-policy");
  const { ApiError } = await import("@/lib/errors/api-error");
  return {
    readRun: async (ref: { runId: string; techniqueId: string | null }) => {
      state.runReads.push(`${ref.techniqueId ?? "-"}/${ref.runId}`);
      if (ref.runId === "run_known" || (ref.runId === "run_tech" && ref.techniqueId === "tech_1")) return { run_id: ref.runId, status: "completed", progress: 100, created_at: 1 };
      throw new UpstreamCallError({ kind: "status", status: 404 } as never, new ApiError("not_found", "No such run."));
    },
  };
});

const links = await import("@/app/api/share-links/route");
const oneLink = await import("@/app/api/share-links/[linkId]/route");
const { addUser } = await import("@/lib/users/users");

const ORIGIN = "http://dash.example";
const noParams = { params: Promise.resolve({}) };
const headers = (extra: Record<string, string> = {}) => ({ host: "dash.example", origin: ORIGIN, ...extra });
const create = (body: unknown, extra: Record<string, string> = {}) =>
  links.POST(new NextRequest(`${ORIGIN}/api/share-links`, { method: "POST", body: JSON.stringify(body), headers: headers({ "content-type": "application/json", ...extra }) }), noParams);
const list = (query = "") => links.GET(new NextRequest(`${ORIGIN}/api/share-links${query}`, { headers: headers() }), noParams);
const revoke = (id: string, extra: Record<string, string> = {}) =>
  oneLink.DELETE(new NextRequest(`${ORIGIN}/api/share-links/${id}`, { method: "DELETE", headers: headers(extra) }), { params: Promise.resolve({ linkId: id }) });

type Body = { id?: string; url?: string; expires_at?: number; links?: Array<{ id: string; created_by_email: string; status: string }>; link?: { status: string }; error?: { code: string; fields?: Array<{ field: string }> } };
async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Body };
}

const runBody = { subject: { kind: "run", run_id: "run_known" }, expires_days: 7 };
const stored = () => state.db.selectFrom("shared_links").selectAll().execute();

let member: User;
let other: User;
let admin: User;
let viewer: User;
let counter = 0;
beforeEach(async () => {
  state.db = await memoryDatabase();
  state.runReads = [];
  counter += 1;
  member = await addUser(state.db, { email: `ana${counter}@x.example`, role: "member" });
  other = await addUser(state.db, { email: `bo${counter}@x.example`, role: "member" });
  admin = await addUser(state.db, { email: `cy${counter}@x.example`, role: "admin" });
  viewer = await addUser(state.db, { email: `di${counter}@x.example`, role: "viewer" });
  state.user = member;
});

describe("POST /api/share-links", () => {
  it("makes a link for a run FLORA has: 201 with the URL, shown this once, read upstream once", async () => {
    const created = await answer(await create(runBody));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), url: expect.stringMatching(/^http:\/\/dash\.example\/s\/[A-Za-z0-9_-]{43}$/), expires_at: expect.any(Number) });
    expect(state.runReads).toEqual(["-/run_known"]);
    const token = created.body.url!.split("/s/")[1]!;
    expect(JSON.stringify((await answer(await list())).body)).not.toContain(token);
    const technique = await answer(await create({ subject: { kind: "run", run_id: "run_tech", technique_id: "tech_1" }, expires_days: 1, show_prompt: true }));
    expect(technique.status).toBe(201);
    expect((await stored()).find((row) => row.run_id === "run_tech")).toMatchObject({ technique_id: "tech_1", show_prompt: 1 });
  });

  it("refuses a made-up run with 404 before anything is stored", async () => {
    const refused = await answer(await create({ ...runBody, subject: { kind: "run", run_id: "run_madeup" } }));
    expect(refused).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await stored()).toEqual([]);
  });

  it("refuses signed out (401), a viewer (403) and a cross-site write (403), storing nothing", async () => {
    state.user = null;
    expect((await create(runBody)).status).toBe(401);
    state.user = viewer;
    expect(await answer(await create(runBody))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    state.user = member;
    expect(await answer(await create(runBody, { origin: "https://evil.example" }))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await create(runBody, { origin: "null" })).status).toBe(403);
    expect((await create(runBody, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await stored()).toEqual([]);
    expect(state.runReads).toEqual([]);
  });

  it("refuses a bad body (400) with the field named: expiry, run id, extra keys", async () => {
    for (const body of [
      { ...runBody, expires_days: 2 },
      { ...runBody, expires_days: undefined },
      { ...runBody, subject: { kind: "run", run_id: "../etc" } },
      { ...runBody, subject: { kind: "workspace", id: "ws_1" } },
      { ...runBody, show_prompt: "yes" },
      { ...runBody, created_by: "someone" },
    ]) {
      const refused = await answer(await create(body));
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error?.code).toBe("input_validation_error");
    }
    expect((await answer(await create({ ...runBody, expires_days: 2 }))).body.error?.fields?.[0]?.field).toBe("expires_days");
    expect(await stored()).toEqual([]);
  });
});

describe("GET /api/share-links", () => {
  it("lists one's own; ?all=1 is everyone's for an admin and 403 for a member", async () => {
    await create(runBody);
    state.user = other;
    await create(runBody);
    expect((await answer(await list())).body.links?.map((link) => link.created_by_email)).toEqual([other.email]);
    expect((await answer(await list("?all=1"))).status).toBe(403);
    state.user = admin;
    expect((await answer(await list())).body.links).toEqual([]);
    expect((await answer(await list("?all=1"))).body.links).toHaveLength(2);
    expect((await answer(await list("?all=yes"))).status).toBe(400);
    state.user = null;
    expect((await list()).status).toBe(401);
  });
});

describe("DELETE /api/share-links/{id}", () => {
  it("lets the creator and an admin revoke; another member gets 403; cross-site and signed-out refused", async () => {
    const { body } = await answer(await create(runBody));
    state.user = other;
    expect(await answer(await revoke(body.id!))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    state.user = member;
    expect((await revoke(body.id!, { origin: "https://evil.example" })).status).toBe(403);
    state.user = null;
    expect((await revoke(body.id!)).status).toBe(401);
    expect((await stored())[0]!.revoked_at).toBeNull();
    state.user = admin;
    expect(await answer(await revoke(body.id!))).toMatchObject({ status: 200, body: { link: { status: "revoked" } } });
    expect((await answer(await revoke("not-a-uuid"))).status).toBe(400);
    expect((await answer(await revoke("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});
