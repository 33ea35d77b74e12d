import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalStore } from "@/lib/archive/local-store";
import { archiveTotals, findArchivedOutput, recordArchivedOutput } from "@/lib/archive/records";
import { pruneArchive } from "@/lib/archive/retention";
import { memoryDatabase } from "@/lib/testing/memory-db";

const DAY = 24 * 60 * 60 * 1000;
let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "archive-retention-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("ARCHIVE_RETENTION_DAYS", () => {
  it("deletes the files and records of outputs archived longer ago than that, and keeps the rest", async () => {
    const db = await memoryDatabase();
    const store = createLocalStore(root);
    const now = 100 * DAY;
    for (const [runId, age] of [["run_old", 31], ["run_new", 29]] as const) {
      await store.put(`runs/${runId}/out_1`, Buffer.from("bytes"), { contentType: "image/png" });
      await store.put(`runs/${runId}/out_1.row.webp`, Buffer.from("row"), { contentType: "image/webp" });
      await recordArchivedOutput(db, { run_id: runId, output_id: "out_1", key: `runs/${runId}/out_1`, bytes: 5, content_type: "image/png", thumb_row_key: `runs/${runId}/out_1.row.webp`, thumb_grid_key: null, archived_at: now - age * DAY });
    }
    expect(await pruneArchive(db, store, 30, now)).toBe(1);
    expect(await findArchivedOutput(db, "run_old", "out_1")).toBeNull();
    expect(await store.head("runs/run_old/out_1")).toBeNull();
    expect(await store.head("runs/run_old/out_1.row.webp")).toBeNull();
    expect(await store.head("runs/run_new/out_1")).not.toBeNull();
    expect(await archiveTotals(db)).toEqual({ outputs: 1, bytes: 5 });
  });
});
