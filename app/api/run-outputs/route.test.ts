import { mkdtemp, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { parseEnv, type Env } from "@/lib/env-schema";
import type { Run, RunOutput } from "@/lib/flora/schemas";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { startMediaServer, type MediaServer } from "@/lib/testing/media-server";

const state = vi.hoisted(() => ({
  env: undefined as Env | undefined,
  user: undefined as User | undefined,
  runs: new Map<string, Run>(),
  db: undefined as unknown as Kysely<Database>,
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => state.env }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/runs/read-run", () => ({
  readRun: async (ref: { runId: string }) => {
    const run = state.runs.get(ref.runId);
    if (!run) throw new Error(`no run ${ref.runId} in the test`);
    return run;
  },
}));
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ e }), withRequestId: <T>(handle: () => T) => handle() }));

const { GET, HEAD } = await import("@/app/api/run-outputs/route");
const { MAX_CONCURRENT_DOWNLOADS_PER_USER, downloadSlots } = await import("@/lib/runs/download-slots");

const GENERIC = { error: { code: "upstream_error", message: "This output could not be downloaded." } };

let flora: MediaServer;
let archiveDir: string;
let inside: MediaServer;
const held: ServerResponse[] = [];
/** Every path the media hosts were asked for, so a refusal can be shown to fetch nothing. */
const fetched: string[] = [];

beforeAll(async () => {
  state.db = await memoryDatabase();
  inside = await startMediaServer((req, res) => {
    fetched.push(`inside ${req.url}`);
    res.end("internal");
  });
  flora = await startMediaServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    fetched.push(path);
    if (path === "/media/ok.png") return res.writeHead(200, { "content-type": "image/png" }).end("PNG");
    if (path === "/media/sized.png") return res.writeHead(200, { "content-type": "image/png", "content-length": "3" }).end("PNG");
    if (path === "/media/pic.svg") return res.writeHead(200, { "content-type": "image/svg+xml" }).end("<svg onload=alert(1)>");
    if (path === "/media/big") return res.writeHead(200, { "content-type": "video/mp4", "content-length": "5000" }).end(Buffer.alloc(5000));
    if (path === "/media/loop") return res.writeHead(302, { location: "/media/loop" }).end();
    if (path === "/media/to-inside") return res.writeHead(302, { location: `${inside.origin}/x` }).end();
    if (path === "/media/slow") {
      // Sends a first chunk and holds the rest back: a download that is still running.
      res.writeHead(200, { "content-type": "video/mp4" });
      res.write(Buffer.alloc(16));
      held.push(res);
      return;
    }
    res.writeHead(404).end();
  });
  archiveDir = await mkdtemp(path.join(os.tmpdir(), "run-outputs-archive-"));
  state.env = parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: `${flora.origin}/api/v1`, OUTPUT_MAX_BYTES: "1000", ARCHIVE_DIR: archiveDir });
});

afterAll(() => Promise.all([flora.close(), inside.close(), rm(archiveDir, { recursive: true, force: true })]));

function signIn(id: string) {
  state.user = { id, email: `${id}@x.example`, name: null, role: "viewer", password_hash: null, created_at: 0, disabled_at: null, is_demo: 0, session_version: 0 } as User;
}

function completedRun(runId: string, urls: string[]): string {
  const outputs: RunOutput[] = urls.map((url, index) => ({ output_id: `out_${index + 1}`, type: "imageUrl", url }));
  state.runs.set(runId, { run_id: runId, status: "completed", progress: 100, created_at: 1_700_000_000_000, completed_at: 1_700_000_001_000, outputs } as Run);
  return runId;
}

function download(runId: string, outputId?: string, signal?: AbortSignal) {
  const url = new URL(`/api/run-outputs?run_id=${runId}${outputId ? `&output_id=${outputId}` : ""}`, "http://dash.example");
  return GET(new NextRequest(url, { signal }), { params: Promise.resolve({}) });
}

describe("GET /api/run-outputs: one generic answer", () => {
  it("answers the same error for a refused address, a redirect inside, a 404, a redirect loop, a size over the cap and a bad scheme", async () => {
    signIn("u_generic");
    const runId = completedRun("run_generic", [
      `http://127.0.0.1:${inside.port}/x`,
      `http://[::ffff:127.0.0.1]:${inside.port}/x`,
      `${flora.origin}/media/to-inside`,
      `${flora.origin}/media/missing`,
      `${flora.origin}/media/loop`,
      `${flora.origin}/media/big`,
      "javascript:alert(1)",
    ]);
    for (let index = 1; index <= 7; index += 1) {
      const response = await download(runId, `out_${index}`);
      expect({ output: index, status: response.status, body: await response.json() }).toEqual({ output: index, status: 502, body: GENERIC });
    }
    expect(inside.requests).toEqual([]);
    expect(downloadSlots.held("u_generic")).toBe(0);
  });

  it("puts the same generic note in the zip for an output it could not fetch, and the others beside it", async () => {
    signIn("u_zip");
    const runId = completedRun("run_zip", [`${flora.origin}/media/ok.png`, `http://10.0.0.1:${inside.port}/secret`]);
    const response = await download(runId);
    expect(response.status).toBe(200);
    const zip = Buffer.from(await response.arrayBuffer()).toString("latin1");
    expect(zip).toContain("run_zip-1-image.png");
    expect(zip).toContain("run_zip-2-image.unavailable.txt");
    expect(zip).toContain("Output 2 (out_2): This output could not be downloaded.\n");
    expect(zip).not.toMatch(/private|10\.0\.0\.1|public address/);
    expect(downloadSlots.held("u_zip")).toBe(0);
  });

  it("downloads SVG as application/octet-stream named .bin, and PNG as itself", async () => {
    signIn("u_types");
    const runId = completedRun("run_types", [`${flora.origin}/media/pic.svg`, `${flora.origin}/media/ok.png`]);
    const svg = await download(runId, "out_1");
    expect(svg.headers.get("content-type")).toBe("application/octet-stream");
    expect(svg.headers.get("content-disposition")).toContain('filename="run_types-1-image.bin"');
    await svg.arrayBuffer();
    const png = await download(runId, "out_2");
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toContain('filename="run_types-2-image.png"');
    expect(await png.text()).toBe("PNG");
  });
});

describe(`GET /api/run-outputs: ${MAX_CONCURRENT_DOWNLOADS_PER_USER} downloads at once per user`, () => {
  it("answers 429 with Retry-After past the limit, and frees a slot when a body is read, cancelled or the client aborts", async () => {
    signIn("u_busy");
    const runId = completedRun("run_slow", [`${flora.origin}/media/slow`, `${flora.origin}/media/ok.png`]);
    const aborter = new AbortController();
    const running = [await download(runId, "out_1"), await download(runId, "out_1"), await download(runId, "out_1", aborter.signal)];
    expect(running.map((response) => response.status)).toEqual([200, 200, 200]);

    const refused = await download(runId, "out_2");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");

    // Another teammate is not held up by this one.
    signIn("u_other");
    expect((await download(runId, "out_2")).status).toBe(200);
    signIn("u_busy");

    await running[0]!.body!.cancel();
    expect(downloadSlots.held("u_busy")).toBe(2);
    aborter.abort();
    expect(downloadSlots.held("u_busy")).toBe(1);

    const finished = await download(runId, "out_2");
    expect(await finished.text()).toBe("PNG");
    expect(downloadSlots.held("u_busy")).toBe(1);
    held.forEach((res) => res.end());
    await running[1]!.arrayBuffer();
    expect(downloadSlots.held("u_busy")).toBe(0);
  });

  it("frees the slot when the download fails before it starts", async () => {
    signIn("u_failing");
    const runId = completedRun("run_failing", [`${flora.origin}/media/missing`]);
    for (let attempt = 0; attempt <= MAX_CONCURRENT_DOWNLOADS_PER_USER; attempt += 1) {
      expect((await download(runId, "out_1")).status).toBe(502);
    }
    expect((await download("run_unknown", "out_1")).status).toBe(500);
    expect(downloadSlots.held("u_failing")).toBe(0);
  });
});

describe("GET /api/run-outputs: the activity log", () => {
  const downloads = (actorId: string) =>
    state.db.selectFrom("activity").selectAll().where("kind", "=", "output_downloaded").where("actor_id", "=", actorId).orderBy("at").execute();

  it("records each download answered, one file or the zip, and none that was refused or unavailable", async () => {
    signIn("u_logged");
    const runId = completedRun("run_logged", [`${flora.origin}/media/ok.png`, `${flora.origin}/media/missing`]);
    expect(await (await download(runId, "out_1")).text()).toBe("PNG");
    await (await download(runId)).arrayBuffer();
    expect((await download(runId, "out_2")).status).toBe(502);
    expect((await download(runId, "out_9")).status).toBe(404);
    const rows = await downloads("u_logged");
    expect(rows.map((row) => ({ subject: row.subject, email: row.actor_email, detail: JSON.parse(row.detail_json ?? "null") }))).toEqual([
      { subject: runId, email: "u_logged@x.example", detail: { output_id: "out_1" } },
      { subject: runId, email: "u_logged@x.example", detail: { archive: "zip" } },
    ]);
  });

  it("does not serve a download it could not record, and frees the slot", async () => {
    signIn("u_unlogged");
    const runId = completedRun("run_unlogged", [`${flora.origin}/media/ok.png`]);
    const working = state.db;
    state.db = { insertInto: () => ({ values: () => ({ execute: async () => Promise.reject(new Error("disk full")) }) }) } as unknown as Kysely<Database>;
    try {
      expect((await download(runId, "out_1")).status).toBe(500);
    } finally {
      state.db = working;
    }
    expect(downloadSlots.held("u_unlogged")).toBe(0);
  });
});

describe("HEAD /api/run-outputs: one output's headers, no bytes", () => {
  it("answers the content type and declared length, holds no slot, and gives the same generic error", async () => {
    const { HEAD } = await import("@/app/api/run-outputs/route");
    const head = (runId: string, outputId?: string) =>
      HEAD(new NextRequest(new URL(`/api/run-outputs?run_id=${runId}${outputId ? `&output_id=${outputId}` : ""}`, "http://dash.example"), { method: "HEAD" }), {
        params: Promise.resolve({}),
      });
    signIn("u_head");
    const runId = completedRun("run_head", [`${flora.origin}/media/sized.png`, `${flora.origin}/media/missing`, `${flora.origin}/media/ok.png`]);
    const ok = await head(runId, "out_1");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");
    expect(ok.headers.get("x-output-bytes")).toBe("3");
    expect(ok.body).toBeNull();
    expect(downloadSlots.held("u_head")).toBe(0);
    // A chunked answer declares no length: the type alone is known.
    const chunked = await head(runId, "out_3");
    expect(chunked.headers.get("content-type")).toBe("image/png");
    expect(chunked.headers.get("x-output-bytes")).toBeNull();
    const missing = await head(runId, "out_2");
    expect(missing.status).toBe(502);
    expect(await missing.json()).toEqual(GENERIC);
    // HEAD is for one output: no zip without an output id.
    expect((await head(runId)).status).toBe(400);
  });
});

describe("HEAD /api/run-outputs: refusals", () => {
  const head = async (query: string) => {
    const { HEAD } = await import("@/app/api/run-outputs/route");
    return HEAD(new NextRequest(new URL(`/api/run-outputs?${query}`, "http://dash.example"), { method: "HEAD" }), { params: Promise.resolve({}) });
  };

  it("answers 401 signed out and 400 for bad input, fetching nothing", async () => {
    const runId = completedRun("run_head_refusals", [`${flora.origin}/media/sized.png`]);
    fetched.length = 0;
    state.user = undefined;
    const signedOut = await head(`run_id=${runId}&output_id=out_1`);
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error.code).toBe("unauthorized");
    signIn("u_head_refusals");
    for (const query of [`run_id=../etc&output_id=out_1`, `run_id=${runId}&output_id=${"x".repeat(500)}`, `run_id=${runId}&output_id=out_1&output_id=out_2`, `run_id=${runId}&output_id=out_1&extra=1`]) {
      const bad = await head(query);
      expect(bad.status, query).toBe(400);
      expect((await bad.json()).error.code, query).toBe("input_validation_error");
    }
    expect(fetched).toEqual([]);
  });

  it("goes through the checked fetcher: a redirect to a private address gets the generic error and reaches nothing inside", async () => {
    signIn("u_head_inside");
    const runId = completedRun("run_head_inside", [`${flora.origin}/media/to-inside`, `${inside.origin}/direct`]);
    fetched.length = 0;
    for (const outputId of ["out_1", "out_2"]) {
      const refused = await head(`run_id=${runId}&output_id=${outputId}`);
      expect(refused.status).toBe(502);
      expect(await refused.json()).toEqual(GENERIC);
    }
    expect(fetched.filter((entry) => entry.startsWith("inside"))).toEqual([]);
  });

  it("answers 429 with Retry-After past the teammate's request budget, fetching nothing more", async () => {
    const saved = state.env;
    state.env = parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: `${flora.origin}/api/v1`, OUTPUT_MAX_BYTES: "1000", USER_RATE_LIMIT_PER_MINUTE: "2" });
    try {
      signIn("u_head_budget");
      const runId = completedRun("run_head_budget", [`${flora.origin}/media/sized.png`]);
      fetched.length = 0;
      expect((await head(`run_id=${runId}&output_id=out_1`)).status).toBe(200);
      expect((await head(`run_id=${runId}&output_id=out_1`)).status).toBe(200);
      const refused = await head(`run_id=${runId}&output_id=out_1`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe("rate_limited");
      expect(fetched).toEqual(["/media/sized.png", "/media/sized.png"]);
    } finally {
      state.env = saved;
    }
  });
});

describe("GET /api/run-outputs: the archived copy", () => {
  it("serves an archived output whose FLORA URL has expired, alone and in the zip, without fetching that URL", async () => {
    signIn("u_archive");
    const runId = completedRun("run_archived", [`${flora.origin}/media/expired.png`]);
    const { createLocalStore } = await import("@/lib/archive/local-store");
    const { recordArchivedOutput } = await import("@/lib/archive/records");
    await createLocalStore(archiveDir).put("runs/run_archived/out_1", Buffer.from("KEPT"), { contentType: "image/png" });
    await recordArchivedOutput(state.db, { run_id: runId, output_id: "out_1", key: "runs/run_archived/out_1", bytes: 4, content_type: "image/png", thumb_row_key: null, thumb_grid_key: null, archived_at: 1 });

    const one = await download(runId, "out_1");
    expect(one.status).toBe(200);
    expect(one.headers.get("content-disposition")).toContain('filename="run_archived-1-image.png"');
    expect(await one.text()).toBe("KEPT");
    const zip = Buffer.from(await (await download(runId)).arrayBuffer()).toString("latin1");
    expect(zip).toContain("run_archived-1-image.png");
    expect(zip).not.toContain("unavailable");
    const head = await HEAD(new NextRequest(new URL(`/api/run-outputs?run_id=${runId}&output_id=out_1`, "http://dash.example"), { method: "HEAD" }), { params: Promise.resolve({}) });
    expect([head.status, head.headers.get("x-output-bytes")]).toEqual([200, "4"]);
    expect(fetched.filter((entry) => entry.includes("expired"))).toEqual([]);
    expect(downloadSlots.held("u_archive")).toBe(0);
  });
});
