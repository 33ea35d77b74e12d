import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({
  db: undefined as unknown as Kysely<Database>,
  user: null as User | null,
  listReads: 0,
  floraDown: false,
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));
// FLORA: one generation launched elsewhere this month, plus the catalogues that name ids.
vi.mock("@/lib/flora/reads", () => ({
  listGenerations: async () => {
    state.listReads += 1;
    if (state.floraDown) throw new Error("FLORA is down");
    return {
      generations: [
        { run_id: "run_cli", created_at: Date.parse("2026-11-02T00:00:00Z"), charged_cost: 0.75 },
        { run_id: "run_ana", created_at: Date.parse("2026-11-03T10:00:00Z"), charged_cost: 0.32 },
      ],
      meta: { next_cursor: null },
    };
  },
  listTechniqueRuns: async () => ({ technique_runs: [], meta: { next_cursor: null } }),
  loadModels: async () => [{ model_id: "t2i-flux-2-pro", name: "FLUX.2 [pro]", type: "image" }],
  loadDirectory: async () => ({ workspaces: new Map(), projects: new Map([["prj_a", { project_id: "prj_a", name: "Spring campaign" }]]) }),
  loadTechnique: async () => {
    throw new Error("no techniques in this test");
  },
}));

const usage = await import("@/app/api/usage/route");
const usageExport = await import("@/app/api/usage/export/route");
const { addUser } = await import("@/lib/users/users");
const { insertLaunch } = await import("@/lib/usage/test-launches");
const { forgetRemembered } = await import("@/lib/cache/remembered");

const noParams = { params: Promise.resolve({}) };
const get = (path: string) => new NextRequest(`http://dash.example${path}`);

let admin: User;
let ana: User;
let ben: User;
let viewer: User;

beforeEach(async () => {
  forgetRemembered();
  state.listReads = 0;
  state.floraDown = false;
  state.db = await memoryDatabase();
  admin = await addUser(state.db, { email: "admin@example.com", role: "admin" });
  ana = await addUser(state.db, { email: "ana@example.com", role: "member" });
  ben = await addUser(state.db, { email: "ben@example.com", role: "member" });
  viewer = await addUser(state.db, { email: "vi@example.com", role: "viewer" });
  const november = { created_at: Date.parse("2026-11-03T10:00:00Z"), spend_month: "2026-11" };
  await insertLaunch(state.db, { ...november, run_id: "run_ana", user_id: ana.id, user_email: ana.email, reserved_usd: 0.32, charged_usd: 0.32 });
  await insertLaunch(state.db, { ...november, run_id: "run_ben", user_id: ben.id, user_email: ben.email, reserved_usd: 0.5 });
  await state.db.insertInto("budget_caps").values({ scope: ana.id, monthly_usd: 1, updated_at: 0, updated_by: null }).execute();
});

async function json(response: Response) {
  return { status: response.status, body: await response.json() };
}

describe("GET /api/usage", () => {
  it("refuses a request without a session (401)", async () => {
    state.user = null;
    const { status, body } = await json(await usage.GET(get("/api/usage?month=2026-11"), noParams));
    expect(status).toBe(401);
    expect(body.error.code).toBe("unauthorized");
  });

  it("refuses a member asking for a teammate's usage (403), on the API and the export", async () => {
    state.user = ana;
    for (const handler of [usage.GET, usageExport.GET]) {
      const path = handler === usage.GET ? "/api/usage" : "/api/usage/export";
      const { status, body } = await json(await handler(get(`${path}?month=2026-11&user=${ben.id}`), noParams));
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("Only admins") });
    }
  });

  it("refuses a month that is not YYYY-MM and an unknown parameter (400)", async () => {
    state.user = ana;
    for (const query of ["month=2026-13", "month=2026-11&month=2026-10", "month=2026-11&who=all", "user="]) {
      const { status, body } = await json(await usage.GET(get(`/api/usage?${query}`), noParams));
      expect(status, query).toBe(400);
      expect(body.error.code).toBe("input_validation_error");
    }
  });

  it("answers 404 for an admin asking for a user that does not exist", async () => {
    state.user = admin;
    const { status, body } = await json(await usage.GET(get("/api/usage?month=2026-11&user=u_nobody"), noParams));
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("shows a member their own usage only, their cap, the team's cap, and no outside line", async () => {
    state.user = ana;
    const { status, body } = await json(await usage.GET(get("/api/usage?month=2026-11"), noParams));
    expect(status).toBe(200);
    expect(body.scope).toEqual({ kind: "user", userId: ana.id, email: ana.email });
    expect(body.totals).toEqual({ runs: 1, spendUsd: 0.32, chargedUsd: 0.32, heldUsd: 0 });
    expect(body.byModel[0]).toMatchObject({ key: "t2i-flux-2-pro", label: "FLUX.2 [pro]" });
    expect(body.byProject[0]).toMatchObject({ key: "prj_a", label: "Spring campaign" });
    expect(body.caps).toEqual([
      { scope: "team", label: "Team", capUsd: null, spentUsd: 0.82, leftUsd: null },
      { scope: ana.id, label: ana.email, capUsd: 1, spentUsd: 0.32, leftUsd: 0.68 },
    ]);
    expect(body.outside).toBeNull();
    expect(state.listReads).toBe(0);
  });

  it("lets a viewer see their own (empty) usage and their own id", async () => {
    state.user = viewer;
    const { status, body } = await json(await usage.GET(get(`/api/usage?month=2026-11&user=${viewer.id}`), noParams));
    expect(status).toBe(200);
    expect(body.totals.runs).toBe(0);
  });

  it("shows an admin the team, with the outside-the-dashboard line read once a minute", async () => {
    state.user = admin;
    const { status, body } = await json(await usage.GET(get("/api/usage?month=2026-11"), noParams));
    expect(status).toBe(200);
    expect(body.scope).toEqual({ kind: "team" });
    expect(body.totals).toEqual({ runs: 2, spendUsd: 0.82, chargedUsd: 0.32, heldUsd: 0.5 });
    expect(body.byTeammate.map((row: { label: string }) => row.label)).toEqual([ben.email, ana.email]);
    expect(body.outside).toEqual({ usd: 0.75, runs: 1, partial: false, unavailable: false });
    await usage.GET(get("/api/usage?month=2026-11"), noParams);
    expect(state.listReads).toBe(1);

    const teammate = await json(await usage.GET(get(`/api/usage?month=2026-11&user=${ben.id}`), noParams));
    expect(teammate.body.totals.spendUsd).toBe(0.5);
    expect(teammate.body.outside).toBeNull();
  });

  it("still answers when FLORA cannot be read, with the outside figure marked unknown", async () => {
    state.user = admin;
    state.floraDown = true;
    const { status, body } = await json(await usage.GET(get("/api/usage?month=2026-11"), noParams));
    expect(status).toBe(200);
    expect(body.outside).toMatchObject({ unavailable: true });
    expect(body.totals.spendUsd).toBe(0.82);
  });
});

describe("GET /api/usage/export", () => {
  it("downloads the same figures as CSV, named with the month", async () => {
    state.user = admin;
    const response = await usageExport.GET(get("/api/usage/export?month=2026-11"), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="atelier-usage-2026-11.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[1]).toBe("total,2026-11,team,2,0.82,0.32,0.5,,,runs launched through the dashboard");
    expect(lines).toContain("outside_dashboard,2026-11,Outside the dashboard,1,0.75,,,,,charged_cost of FLORA runs not launched through the dashboard");
  });
});
