import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null, upstream: new Set<string>(), reads: [] as string[] }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => false }));
// FLORA, as the one read the routes make before storing a run.
vi.mock("@/lib/runs/read-run", async () => {
  const { UpstreamCallError } = await import("@/lib/flora/call-policy");
  const { ApiError } = await import("@/lib/errors/api-error");
  return {
    readRun: async (ref: { runId: string }) => {
      state.reads.push(ref.runId);
      if (!state.upstream.has(ref.runId)) throw new UpstreamCallError({ kind: "status", status: 404 } as never, new ApiError("not_found", "no such run"));
      return { run_id: ref.runId };
    },
  };
});

const list = await import("@/app/api/collections/route");
const one = await import("@/app/api/collections/[id]/route");
const runs = await import("@/app/api/collections/[id]/runs/route");
const oneRun = await import("@/app/api/collections/[id]/runs/[runId]/route");
const move = await import("@/app/api/collections/[id]/runs/[runId]/move/route");
const { addUser } = await import("@/lib/users/users");

const ORIGIN = "http://dash.example";
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, method: string, path: string, params: Record<string, string>, body?: unknown, extra: Record<string, string> = {}) {
  const request = new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: { host: "dash.example", origin: ORIGIN, ...(body !== undefined && { "content-type": "application/json" }), ...extra },
    ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return handler(request, { params: Promise.resolve(params) });
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several shapes, read by path
type Body = Record<string, any> | null;
async function answer(response: Response) {
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Body };
}

let member: User;
let viewer: User;
let counter = 0;
beforeEach(async () => {
  state.db = await memoryDatabase();
  counter += 1;
  member = await addUser(state.db, { email: `ana${counter}@x.example`, role: "member" });
  viewer = await addUser(state.db, { email: `di${counter}@x.example`, role: "viewer" });
  state.user = member;
  state.upstream = new Set(["run_a", "run_b", "run_c"]);
});

const create = async (name = "Review") => (await answer(await call(list.POST, "POST", "/api/collections", {}, { name }))).body!.collection.id as string;

describe("/api/collections", () => {
  it("makes, fills, reorders, lists and deletes a collection", async () => {
    const id = await create();
    const added = await answer(await call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, { runs: [{ run_id: "run_a" }, { run_id: "run_b" }, { run_id: "run_c", technique_id: "tech_1" }] }));
    expect(added.status).toBe(200);
    expect(added.body!.added).toEqual(["run_a", "run_b", "run_c"]);
    const moved = await answer(await call(move.POST, "POST", `/api/collections/${id}/runs/run_c/move`, { id, runId: "run_c" }, { to: 0 }));
    expect(moved.body!.position).toBe(0);
    await call(oneRun.DELETE, "DELETE", `/api/collections/${id}/runs/run_a`, { id, runId: "run_a" });
    state.user = viewer;
    const read = await answer(await call(one.GET, "GET", `/api/collections/${id}`, { id }));
    expect(read.body!.collection.runs.map((run: { run_id: string }) => run.run_id)).toEqual(["run_c", "run_b"]);
    const listed = await answer(await call(list.GET, "GET", "/api/collections", {}));
    expect(listed.body).toMatchObject({ can_change: false, collections: [{ id, name: "Review", run_count: 2 }] });
    state.user = member;
    expect((await call(one.PATCH, "PATCH", `/api/collections/${id}`, { id }, { name: "Final picks" })).status).toBe(200);
    expect((await call(one.DELETE, "DELETE", `/api/collections/${id}`, { id })).status).toBe(204);
    expect((await answer(await call(one.GET, "GET", `/api/collections/${id}`, { id }))).status).toBe(404);
  });

  it("refuses without a session (401) and a viewer's writes (403)", async () => {
    const id = await create();
    state.user = null;
    expect((await call(list.GET, "GET", "/api/collections", {})).status).toBe(401);
    expect((await call(one.GET, "GET", `/api/collections/${id}`, { id })).status).toBe(401);
    state.user = viewer;
    expect((await call(list.POST, "POST", "/api/collections", {}, { name: "x" })).status).toBe(403);
    expect((await call(one.PATCH, "PATCH", `/api/collections/${id}`, { id }, { name: "x" })).status).toBe(403);
    expect((await call(one.DELETE, "DELETE", `/api/collections/${id}`, { id })).status).toBe(403);
    expect((await call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, { runs: [{ run_id: "run_a" }] })).status).toBe(403);
    expect((await call(move.POST, "POST", `/api/collections/${id}/runs/run_a/move`, { id, runId: "run_a" }, { to: 0 })).status).toBe(403);
    expect((await call(oneRun.DELETE, "DELETE", `/api/collections/${id}/runs/run_a`, { id, runId: "run_a" })).status).toBe(403);
  });

  it("refuses bad input (400), an unknown collection or run (404) and a cross-site write (403)", async () => {
    const id = await create();
    for (const bad of [{}, { name: "" }, { name: "x".repeat(101) }, { name: "ok", extra: 1 }]) {
      expect((await answer(await call(list.POST, "POST", "/api/collections", {}, bad))).body!.error.code, JSON.stringify(bad)).toBe("input_validation_error");
    }
    for (const bad of [{ runs: [] }, { runs: [{ run_id: "nope" }] }, { runs: [{ run_id: "run_a", technique_id: "x" }] }]) {
      expect((await call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call(move.POST, "POST", `/api/collections/${id}/runs/run_a/move`, { id, runId: "run_a" }, { to: -1 })).status).toBe(400);
    expect((await call(one.GET, "GET", "/api/collections/bad", { id: "bad" })).status).toBe(400);
    expect((await answer(await call(one.GET, "GET", "/api/collections/col_unknown", { id: "col_unknown" }))).body!.error.code).toBe("not_found");
    expect((await call(runs.POST, "POST", "/api/collections/col_unknown/runs", { id: "col_unknown" }, { runs: [{ run_id: "run_a" }] })).status).toBe(404);
    const unknownRun = await answer(await call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, { runs: [{ run_id: "run_a" }, { run_id: "run_gone" }] }));
    expect(unknownRun).toMatchObject({ status: 404, body: { error: { code: "not_found", message: expect.stringContaining("run_gone") } } });
    expect(await state.db.selectFrom("collection_runs").selectAll().execute()).toEqual([]);
    const crossSite = await call(list.POST, "POST", "/api/collections", {}, { name: "evil" }, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await call(one.DELETE, "DELETE", `/api/collections/${id}`, { id }, undefined, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await state.db.selectFrom("collections").select("name").execute()).map((row) => row.name)).toEqual(["Review"]);
  });

  it("refuses every write cross-site (403) and bad input on every route (400), changing nothing and reading nothing upstream", async () => {
    const id = await create();
    await call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, { runs: [{ run_id: "run_a" }, { run_id: "run_b" }] });
    const stored = async () => ({
      collections: await state.db.selectFrom("collections").select(["name"]).execute(),
      runs: await state.db.selectFrom("collection_runs").select(["run_id", "position"]).orderBy("position").execute(),
    });
    const before = await stored();
    state.reads = [];
    const crossSite = { "sec-fetch-site": "cross-site" };
    const writes = [
      call(list.POST, "POST", "/api/collections", {}, { name: "evil" }, crossSite),
      call(one.PATCH, "PATCH", `/api/collections/${id}`, { id }, { name: "evil" }, crossSite),
      call(one.DELETE, "DELETE", `/api/collections/${id}`, { id }, undefined, crossSite),
      call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, { runs: [{ run_id: "run_c" }] }, crossSite),
      call(move.POST, "POST", `/api/collections/${id}/runs/run_b/move`, { id, runId: "run_b" }, { to: 0 }, crossSite),
      call(oneRun.DELETE, "DELETE", `/api/collections/${id}/runs/run_a`, { id, runId: "run_a" }, undefined, crossSite),
    ];
    for (const response of await Promise.all(writes)) expect(response.status).toBe(403);
    const bad = [
      call(one.PATCH, "PATCH", `/api/collections/${id}`, { id }, { name: "" }),
      call(one.PATCH, "PATCH", "/api/collections/bad", { id: "bad" }, { name: "ok" }),
      call(runs.POST, "POST", `/api/collections/${id}/runs`, { id }, { runs: [{ run_id: "../run_c" }] }),
      call(move.POST, "POST", `/api/collections/${id}/runs/nope/move`, { id, runId: "nope" }, { to: 0 }),
      call(move.POST, "POST", `/api/collections/${id}/runs/run_b/move`, { id, runId: "run_b" }, { to: "first" }),
      call(oneRun.DELETE, "DELETE", `/api/collections/${id}/runs/nope`, { id, runId: "nope" }),
    ];
    for (const response of await Promise.all(bad)) expect((await answer(response)).body!.error.code).toBe("input_validation_error");
    expect(await stored()).toEqual(before);
    expect(state.reads).toEqual([]);
  });
});
