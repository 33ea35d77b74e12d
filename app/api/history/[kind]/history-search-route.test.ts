import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, NewLaunch, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null }));
const reads = vi.hoisted(() => ({
  getRun: vi.fn(),
  getTechniqueRun: vi.fn(),
  loadTechnique: vi.fn(),
  loadModels: vi.fn(),
  listGenerations: vi.fn(),
  listTechniqueRuns: vi.fn(),
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/flora/reads", () => reads);
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const { GET } = await import("@/app/api/history/[kind]/route");
const { addUser } = await import("@/lib/users/users");

let ana: User;
let ben: User;
let serial = 0;

async function record(user: User, fields: Partial<NewLaunch>) {
  serial += 1;
  await state.db
    .insertInto("launches")
    .values({
      id: `launch-${serial}`,
      run_id: `run_${serial}`,
      kind: "generation",
      user_id: user.id,
      user_email: user.email,
      type: "image",
      model: "flux-pro",
      technique_id: null,
      prompt: null,
      params_json: null,
      workspace_id: "ws_a",
      project_id: "prj_a",
      idempotency_key: `key-${serial}`,
      status: "confirmed",
      estimated_cost: null,
      response_json: null,
      error_code: null,
      created_at: serial * 1000,
      completed_at: null,
      ...fields,
    })
    .execute();
  return `run_${serial}`;
}

async function list(query: string, kind = "generations") {
  const response = await GET(new NextRequest(`http://dash.example/api/history/${kind}?${query}`, { headers: { host: "dash.example" } }), {
    params: Promise.resolve({ kind }),
  });
  return { status: response.status, body: (await response.json()) as { runs?: Array<Record<string, unknown>>; nextCursor?: string | null; error?: { code: string; fields?: Array<{ field: string }> } } };
}

beforeEach(async () => {
  state.db = await memoryDatabase();
  ana = await addUser(state.db, { email: "ana@x.example", role: "viewer" });
  ben = await addUser(state.db, { email: "ben@x.example", role: "member" });
  state.user = ana;
  for (const fn of Object.values(reads)) fn.mockReset();
  reads.loadModels.mockResolvedValue([{ model_id: "flux-pro", name: "FLUX Pro", type: "image" }]);
  reads.getRun.mockImplementation(async (runId: string) => ({
    run_id: runId,
    status: "completed",
    progress: 100,
    created_at: 1,
    charged_cost: 0.04,
    outputs: [{ output_id: "o1", type: "imageUrl", url: "https://cdn.example/o1.png" }],
  }));
});

describe("GET /api/history/{kind} with q and by", () => {
  it("searches the recorded launches from the store, best match first, as history rows with FLORA's run state", async () => {
    const lighthouse = await record(ben, { prompt: "a lighthouse in a storm" });
    await record(ana, { prompt: "a quiet meadow" });
    const { status, body } = await list("q=lighthouse");
    expect(status).toBe(200);
    expect(body.runs).toEqual([
      expect.objectContaining({ runId: lighthouse, title: "FLUX Pro", prompt: "a lighthouse in a storm", launchedBy: "ben@x.example", status: "completed", costUsd: 0.04 }),
    ]);
    // FLORA's history is not read for a search: the store is the list.
    expect(reads.listGenerations).not.toHaveBeenCalled();
  });

  it("Launched by: me shows only the signed-in teammate's launches; a teammate's id shows only theirs", async () => {
    const mine = await record(ana, { prompt: "mine" });
    const theirs = await record(ben, { prompt: "theirs" });
    expect((await list("by=me")).body.runs!.map((run) => run.runId)).toEqual([mine]);
    expect((await list(`by=${ben.id}`)).body.runs!.map((run) => run.runId)).toEqual([theirs]);
  });

  it("shows a launch FLORA has not confirmed, marked and without a run read; a run that cannot be read stays as pending", async () => {
    await record(ana, { prompt: "stuck kite", run_id: null, status: "unconfirmed" });
    const failing = await record(ana, { prompt: "unread kite" });
    reads.getRun.mockRejectedValue(new Error("FLORA is down"));
    const { body } = await list("q=kite");
    expect(body.runs).toEqual([
      expect.objectContaining({ runId: failing, status: "pending" }),
      expect.objectContaining({ runId: "launch-" + (serial - 1), launchState: "unconfirmed", status: "pending" }),
    ]);
    expect(reads.getRun).toHaveBeenCalledTimes(1);
  });

  it("refuses a signed-out caller with 401, before anything is searched", async () => {
    state.user = null;
    const { status, body } = await list("q=anything");
    expect(status).toBe(401);
    expect(body.error!.code).toBe("unauthorized");
  });

  it("refuses bad q, by and cursor values with 400 and the field", async () => {
    const cases: Array<[string, string]> = [
      [`q=${"x".repeat(201)}`, "q"],
      ["q=%20%20", "q"],
      ["by=ana%40x.example", "by"],
      ["by=..%2Fadmin", "by"],
      ["q=x&cursor=not%20a%20cursor", "cursor"],
      ["q=x&cursor=t.1.launch-1", "cursor"],
      ["by=me&cursor=bogus", "cursor"],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body.error!.code, query).toBe("input_validation_error");
      expect(body.error!.fields!.map((f) => f.field), query).toContain(field);
    }
  });

  it("takes FTS syntax as words: no 500 on quotes, stars or NEAR", async () => {
    const quoted = await record(ana, { prompt: 'he said "NEAR" twice' });
    for (const q of ['"', '"NEAR', "NEAR(", "*", "said*", "a OR b"]) {
      expect((await list(`q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    expect((await list(`q=${encodeURIComponent('said "NEAR')}`)).body.runs!.map((run) => run.runId)).toEqual([quoted]);
  });
});
