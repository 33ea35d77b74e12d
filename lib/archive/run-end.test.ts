import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import type { Run } from "@/lib/flora/schemas";
import { memoryDatabase } from "@/lib/testing/memory-db";

vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ e }) }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ FLORA_BASE_URL: "http://127.0.0.1:9/api/v1", OUTPUT_MAX_BYTES: 1000 }) }));

const { wantsArchive } = await import("@/lib/archive/start-archive");
const { runPollCache, whenRunEnds } = await import("@/lib/flora/cache/run-poll-cache");
const { intentRow } = await import("@/lib/launches/launch-store");

const run = (run_id: string, status: Run["status"] = "completed"): Run =>
  ({ run_id, status, progress: 100, created_at: 0, outputs: [{ output_id: "out_1", type: "imageUrl", url: "https://x.example/a.png" }] }) as Run;

describe("whenRunEnds: several named listeners", () => {
  it("tells every listener once per finished run; registering a name again replaces it", async () => {
    const budgets = vi.fn();
    const first = vi.fn();
    const archive = vi.fn();
    whenRunEnds("budgets", budgets);
    whenRunEnds("archive", first);
    whenRunEnds("archive", archive);
    await runPollCache().get("run:run_listeners", async () => run("run_listeners"));
    expect(budgets).toHaveBeenCalledTimes(1);
    expect(archive).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it("one listener that throws does not keep the run from the others", async () => {
    const after = vi.fn();
    whenRunEnds("budgets", () => {
      throw new Error("boom");
    });
    whenRunEnds("archive", after);
    await runPollCache().get("run:run_throws", async () => run("run_throws"));
    expect(after).toHaveBeenCalledOnce();
  });
});

describe("ARCHIVE_RUNS", () => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await memoryDatabase();
  });

  it("launched (the default) archives only runs the store has a launch for", async () => {
    const row = intentRow({ kind: "generation", userId: "u_1", userEmail: "a@x.example", type: "image", model: "m", techniqueId: null, prompt: "p", params: {}, workspaceId: null, projectId: null, idempotencyKey: "k1" });
    await db.insertInto("launches").values({ ...row, user_id: null, run_id: "run_mine", status: "confirmed" }).execute();
    expect(await wantsArchive(db, "launched", run("run_mine"))).toBe(true);
    expect(await wantsArchive(db, "launched", run("run_theirs"))).toBe(false);
  });

  it("all archives any completed run with outputs; none, a failed run or no outputs never", async () => {
    expect(await wantsArchive(db, "all", run("run_theirs"))).toBe(true);
    expect(await wantsArchive(db, "none", run("run_theirs"))).toBe(false);
    expect(await wantsArchive(db, "all", run("run_failed", "failed"))).toBe(false);
    expect(await wantsArchive(db, "all", { ...run("run_empty"), outputs: [] })).toBe(false);
  });
});
