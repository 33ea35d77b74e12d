import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withThumbs } from "@/lib/archive/history-thumbs";
import { createLocalStore } from "@/lib/archive/local-store";
import { recordArchivedOutput } from "@/lib/archive/records";
import { openArchivedOrLive, openThumb } from "@/lib/archive/serve";
import type { ArchiveStore } from "@/lib/archive/store";
import type { Database } from "@/lib/db/schema";
import type { RunOutput } from "@/lib/flora/schemas";
import type { HistoryRun } from "@/lib/history/history-run";
import { memoryDatabase } from "@/lib/testing/memory-db";

vi.mock("@/lib/db", () => ({ getDb: async () => { throw new Error("tests pass their store"); } }));
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn() }, describeError: (e: unknown) => ({ e }) }));

let db: Kysely<Database>;
let root: string;
let store: ArchiveStore;
beforeEach(async () => {
  db = await memoryDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), "archive-serve-"));
  store = createLocalStore(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const output: RunOutput = { output_id: "out_1", type: "imageUrl", url: "https://media.example/expired.png" };
const live = vi.fn(async () => ({ contentType: "image/png", length: 4, body: [Buffer.from("LIVE")] }));

async function text(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts).toString();
}

async function archive(runId = "run_a", withThumbs = true) {
  await store.put(`runs/${runId}/out_1`, Buffer.from("ARCHIVED"), { contentType: "image/png" });
  if (withThumbs) await store.put(`runs/${runId}/out_1.row.webp`, Buffer.from("ROW"), { contentType: "image/webp" });
  await recordArchivedOutput(db, {
    run_id: runId,
    output_id: "out_1",
    key: `runs/${runId}/out_1`,
    bytes: 8,
    content_type: "image/png",
    thumb_row_key: withThumbs ? `runs/${runId}/out_1.row.webp` : null,
    thumb_grid_key: withThumbs ? `runs/${runId}/out_1.grid.webp` : null,
    archived_at: 1,
  });
}

describe("serving outputs", () => {
  beforeEach(() => live.mockClear());

  it("prefers the archived copy and does not open the live URL at all", async () => {
    await archive();
    const served = await openArchivedOrLive({ db, store }, "run_a", output, live);
    expect(await text(served.body)).toBe("ARCHIVED");
    expect(served).toMatchObject({ contentType: "image/png", length: 8 });
    expect(live).not.toHaveBeenCalled();
  });

  it("serves the part a Range asks for from the archived copy; the live copy is always whole", async () => {
    await archive();
    const part = await openArchivedOrLive({ db, store }, "run_a", output, live, "bytes=2-4");
    expect(await text(part.body)).toBe("CHI");
    expect(part).toMatchObject({ length: 3, range: { start: 2, end: 4, size: 8 } });
    const unsatisfiable = await openArchivedOrLive({ db, store }, "run_a", output, live, "bytes=50-60");
    expect(await text(unsatisfiable.body)).toBe("ARCHIVED");
    expect(unsatisfiable.range).toBeUndefined();
    await store.delete("runs/run_a/out_1");
    const whole = await openArchivedOrLive({ db, store }, "run_a", output, live, "bytes=2-4");
    expect(await text(whole.body)).toBe("LIVE");
    expect(whole.range).toBeUndefined();
  });

  it("opens the live URL when the output was never archived, or its file is gone", async () => {
    expect(await text((await openArchivedOrLive({ db, store }, "run_a", output, live)).body)).toBe("LIVE");
    await archive();
    await store.delete("runs/run_a/out_1");
    expect(await text((await openArchivedOrLive({ db, store }, "run_a", output, live)).body)).toBe("LIVE");
    expect(live).toHaveBeenCalledTimes(2);
  });

  it("opens the live URL when the archive cannot answer, and says so", async () => {
    await archive();
    const broken: ArchiveStore = { ...store, get: async () => { throw new Error("S3 away"); } };
    const onArchiveError = vi.fn();
    expect(await text((await openArchivedOrLive({ db, store: broken, onArchiveError }, "run_a", output, live)).body)).toBe("LIVE");
    expect(onArchiveError).toHaveBeenCalledOnce();
  });

  it("serves a thumbnail that exists, and nothing for one that does not", async () => {
    await archive();
    expect(await text((await openThumb({ db, store }, "run_a", "out_1", "row"))!.body)).toBe("ROW");
    expect(await openThumb({ db, store }, "run_a", "out_1", "grid")).toBeNull(); // recorded, file missing
    expect(await openThumb({ db, store }, "run_b", "out_1", "row")).toBeNull();
  });
});

describe("history thumbnails", () => {
  const row = (runId: string): HistoryRun => ({ runId, kind: "generation", techniqueId: null, title: "t", modelId: null, outputType: "Image", status: "completed", progress: 100, createdAt: 0, startedAt: null, completedAt: null, costUsd: null, workspaceId: "ws", projectId: "prj", outputs: [output], errorCode: null, errorMessage: null, prompt: null, launchedBy: null });

  it("adds the archive's row and grid URLs to archived runs only", async () => {
    await archive("run_a");
    await archive("run_c", false);
    const [a, b, c] = await withThumbs([row("run_a"), row("run_b"), row("run_c")], db);
    expect(a!.thumb).toEqual({ row: "/api/archive/thumb?run_id=run_a&output_id=out_1&size=row", grid: "/api/archive/thumb?run_id=run_a&output_id=out_1&size=grid" });
    expect(b!.thumb).toBeUndefined();
    expect(c!.thumb).toBeUndefined();
  });
});
