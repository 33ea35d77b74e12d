import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { parseEnv, type Env } from "@/lib/env-schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ env: undefined as Env | undefined, user: undefined as User | undefined, db: undefined as unknown as Kysely<Database> }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => state.env }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => state.user }));
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ e }), withRequestId: <T>(handle: () => T) => handle() }));

const media = await import("@/app/api/archive/media/route");
const thumb = await import("@/app/api/archive/thumb/route");
const { createLocalStore } = await import("@/lib/archive/local-store");
const { recordArchivedOutput } = await import("@/lib/archive/records");

let archiveDir: string;
beforeAll(async () => {
  archiveDir = await mkdtemp(path.join(os.tmpdir(), "archive-routes-"));
  state.env = parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1:9/api/v1", ARCHIVE_DIR: archiveDir });
  state.db = await memoryDatabase();
  const store = createLocalStore(archiveDir);
  await store.put("runs/run_r/out_1", Buffer.from("<html>image bytes</html>"), { contentType: "image/png" });
  await store.put("runs/run_r/out_1.row.webp", Buffer.from("ROW"), { contentType: "image/webp" });
  await recordArchivedOutput(state.db, { run_id: "run_r", output_id: "out_1", key: "runs/run_r/out_1", bytes: 24, content_type: "image/png", thumb_row_key: "runs/run_r/out_1.row.webp", thumb_grid_key: "runs/run_r/out_1.grid.webp", archived_at: 1 });
});
afterAll(() => rm(archiveDir, { recursive: true, force: true }));

const signedIn = () => {
  state.user = { id: "u_v", email: "v@x.example", name: null, role: "viewer", password_hash: null, created_at: 0, disabled_at: null, is_demo: 0, session_version: 0 } as User;
};
const get = (handler: typeof media.GET, search: string, headers?: Record<string, string>) =>
  handler(new NextRequest(new URL(`/api/archive/x?${search}`, "http://dash.example"), { headers }), { params: Promise.resolve({}) });

describe("GET /api/archive/media and /api/archive/thumb", () => {
  it("answer 401 to a visitor who is not signed in", async () => {
    state.user = undefined;
    expect((await get(media.GET, "run_id=run_r&output_id=out_1")).status).toBe(401);
    expect((await get(thumb.GET, "run_id=run_r&output_id=out_1&size=row")).status).toBe(401);
  });

  it("answer 400 to ids that are not ids, a size that is not one, or anything extra", async () => {
    signedIn();
    for (const search of ["run_id=../etc&output_id=out_1", "run_id=run_r&output_id=..", "run_id=run_r&output_id=a%2Fb", "run_id=run_r&output_id=out_1&key=runs/x"]) {
      const response = await get(media.GET, search);
      expect([search, response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([search, 400, "input_validation_error"]);
    }
    expect((await get(thumb.GET, "run_id=run_r&output_id=out_1&size=huge")).status).toBe(400);
  });

  it("serve an archived output inline, sandboxed and privately cached, and 404 for one not archived", async () => {
    signedIn();
    const response = await get(media.GET, "run_id=run_r&output_id=out_1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.text()).toBe("<html>image bytes</html>");
    expect((await get(media.GET, "run_id=run_r&output_id=out_2")).status).toBe(404);
  });

  it("serve a thumbnail as WebP, and 404 for a size whose file is missing", async () => {
    signedIn();
    const row = await get(thumb.GET, "run_id=run_r&output_id=out_1&size=row");
    expect([row.status, row.headers.get("content-type"), await row.text()]).toEqual([200, "image/webp", "ROW"]);
    const grid = await get(thumb.GET, "run_id=run_r&output_id=out_1&size=grid");
    expect([grid.status, ((await grid.json()) as { error: { code: string } }).error.code]).toEqual([404, "not_found"]);
  });

  it("answer one Range with 206 and its part, so an archived video can seek", async () => {
    signedIn();
    const part = await get(media.GET, "run_id=run_r&output_id=out_1", { range: "bytes=6-10" });
    expect([part.status, part.headers.get("content-range"), part.headers.get("accept-ranges"), await part.text()]).toEqual([206, "bytes 6-10/24", "bytes", "image"]);
    const ignored = await get(media.GET, "run_id=run_r&output_id=out_1", { range: "bytes=100-" });
    expect([ignored.status, (await ignored.text()).length]).toEqual([200, 24]);
  });
});
