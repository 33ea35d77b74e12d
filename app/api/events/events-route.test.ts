import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import type { Run } from "@/lib/flora/schemas";
import { memoryDatabase } from "@/lib/testing/memory-db";

// The route with its real wrapper, watchers and stream; the session, FLORA and the env stubbed.
const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, user: null as User | null, reads: [] as string[] }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: 1_000 }) }));
vi.mock("@/lib/runs/read-run", () => ({
  readRun: async (ref: { runId: string }): Promise<Run> => {
    state.reads.push(ref.runId);
    return { run_id: ref.runId, status: "running", progress: 50, created_at: 1, poll_url: "https://upstream.example/x" };
  },
}));

const { GET } = await import("@/app/api/events/route");
const { STREAMS_PER_USER, streamSlots } = await import("@/lib/live/stream-slots");
const live = globalThis as typeof globalThis & { __atelierStreamSlots?: ReturnType<typeof streamSlots> };

const viewer: User = {
  id: "u-viewer",
  email: "vi@x.example",
  name: null,
  role: "viewer",
  password_hash: null,
  created_at: 0,
  disabled_at: null,
  is_demo: 0,
  session_version: 0,
};
const context = { params: Promise.resolve({}) };
const open = (query: string, init: { signal?: AbortSignal; headers?: Record<string, string> } = {}) =>
  GET(new NextRequest(`http://dash.example/api/events${query}`, { headers: { host: "dash.example", ...init.headers }, signal: init.signal }), context);

async function readUntil(response: Response, text: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  while (!seen.includes(text)) {
    const next = await reader.read();
    if (next.done) break;
    seen += decoder.decode(next.value);
  }
  await reader.cancel();
  return seen;
}

beforeEach(async () => {
  state.db = await memoryDatabase();
  state.user = viewer;
  state.reads = [];
});

describe("GET /api/events", () => {
  it("answers 401 without a session, and reads nothing", async () => {
    state.user = null;
    const response = await open("?watch=/api/v1/runs/run_a");
    expect(response.status).toBe(401);
    expect(state.reads).toEqual([]);
  });

  it("answers 400 in the envelope for a path that is not a run's, and reads nothing", async () => {
    const response = await open(`?watch=${encodeURIComponent("/api/v1/runs/run_a,/api/admin/users")}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "input_validation_error", fields: [{ field: "watch.1" }] } });
    expect(state.reads).toEqual([]);
  });

  it("streams a viewer's watched run as events, with the dashboard's poll path", async () => {
    const controller = new AbortController();
    const response = await open("?watch=/api/v1/runs/run_a", { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const text = await readUntil(response, "event: run");
    expect(text).toContain('"poll_url":"/api/v1/runs/run_a"');
    expect(text).not.toContain("upstream.example");
    controller.abort();
  });

  it(`refuses a teammate's stream past ${STREAMS_PER_USER} open ones with 429, and takes one again once a stream closes`, async () => {
    const controllers = Array.from({ length: STREAMS_PER_USER }, () => new AbortController());
    for (const controller of controllers) expect((await open("?watch=/api/v1/runs/run_b", { signal: controller.signal })).status).toBe(200);
    const refused = await open("?watch=/api/v1/runs/run_b");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // Another teammate is not refused for it.
    state.user = { ...viewer, id: "u-other" };
    const other = new AbortController();
    expect((await open("?watch=/api/v1/runs/run_b", { signal: other.signal })).status).toBe(200);
    other.abort();
    state.user = viewer;
    controllers[0]!.abort();
    const again = new AbortController();
    expect((await open("?watch=/api/v1/runs/run_b", { signal: again.signal })).status).toBe(200);
    for (const controller of [...controllers, again]) controller.abort();
  });

  it("refuses any stream with 503 once the instance holds its bound, so the page polls", async () => {
    const saved = live.__atelierStreamSlots;
    live.__atelierStreamSlots = streamSlots(STREAMS_PER_USER, 2);
    try {
      const held = [new AbortController(), new AbortController()];
      state.user = { ...viewer, id: "u-first" };
      expect((await open("?watch=/api/v1/runs/run_c", { signal: held[0]!.signal })).status).toBe(200);
      state.user = { ...viewer, id: "u-second" };
      expect((await open("?watch=/api/v1/runs/run_c", { signal: held[1]!.signal })).status).toBe(200);
      state.user = { ...viewer, id: "u-third" };
      const refused = await open("?watch=/api/v1/runs/run_d");
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("60");
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
      held.forEach((controller) => controller.abort());
    } finally {
      live.__atelierStreamSlots = saved;
    }
  });
});
