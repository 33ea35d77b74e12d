import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { archiveOutput } from "@/lib/archive/archive-output";
import { createLocalStore } from "@/lib/archive/local-store";
import { createArchiveQueue } from "@/lib/archive/queue";
import { archiveTotals, findArchivedOutput } from "@/lib/archive/records";
import type { ArchiveStore } from "@/lib/archive/store";
import type { Database } from "@/lib/db/schema";
import type { RunOutput } from "@/lib/flora/schemas";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { startMediaServer, type MediaServer } from "@/lib/testing/media-server";

// The real openOutput (the hardened fetcher and OUTPUT_MAX_BYTES), with a test environment.
const env = vi.hoisted(() => ({ FLORA_BASE_URL: "", OUTPUT_MAX_BYTES: 100_000, MEDIA_HOSTS: undefined as string | undefined }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), error: vi.fn(), info: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ e }) }));
const { openOutput } = await import("@/lib/runs/output-download");

let flora: MediaServer;
let inside: MediaServer;
let image: Buffer;
let flaky = 0;
let db: Kysely<Database>;
let root: string;
let store: ArchiveStore;

beforeAll(async () => {
  image = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#cc3366" } }).png().toBuffer();
  inside = await startMediaServer((_req, res) => res.end("internal"));
  flora = await startMediaServer((req, res) => {
    const url = req.url ?? "";
    if (url === "/media/pic.png") return res.writeHead(200, { "content-type": "image/png" }).end(image);
    if (url === "/media/flaky.png") {
      flaky += 1;
      if (flaky <= 2) return res.writeHead(503).end();
      return res.writeHead(200, { "content-type": "image/png" }).end(image);
    }
    if (url === "/media/big.webm") return res.writeHead(200, { "content-type": "video/webm" }).end(Buffer.alloc(200_000));
    if (url === "/media/gone.png") return res.writeHead(410).end();
    res.writeHead(404).end();
  });
  env.FLORA_BASE_URL = `${flora.origin}/api/v1`;
});
afterAll(() => Promise.all([flora.close(), inside.close()]));

beforeEach(async () => {
  db = await memoryDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), "archive-queue-"));
  store = createLocalStore(root);
  flora.requests.length = 0;
  inside.requests.length = 0;
  flaky = 0;
  return () => rm(root, { recursive: true, force: true });
});

const output = (output_id: string, url: string, type: RunOutput["type"] = "imageUrl"): RunOutput => ({ output_id, type, url });
const deps = () => ({ db, store, open: openOutput, now: () => 1_700_000_000_000 });

function queueFor(retries = 3) {
  const gaveUp: unknown[] = [];
  const queue = createArchiveQueue({
    archive: (runId, out) => archiveOutput(deps(), runId, out),
    retries,
    minTimeoutMs: 5,
    onGiveUp: (_runId, _output, error) => gaveUp.push(error),
  });
  return { queue, gaveUp };
}

describe("archiveOutput", () => {
  it("copies an image with its two thumbnails and records it; a second copy is skipped", async () => {
    const out = output("out_1", `${flora.origin}/media/pic.png`);
    expect(await archiveOutput(deps(), "run_a", out)).toBe("archived");
    const record = await findArchivedOutput(db, "run_a", "out_1");
    expect(record).toMatchObject({ key: "runs/run_a/out_1", bytes: image.length, content_type: "image/png", thumb_row_key: "runs/run_a/out_1.row.webp", thumb_grid_key: "runs/run_a/out_1.grid.webp", archived_at: 1_700_000_000_000 });
    expect(await store.head("runs/run_a/out_1.row.webp")).toMatchObject({ contentType: "image/webp" });
    expect(await archiveOutput(deps(), "run_a", out)).toBe("skipped");
    expect(flora.requests).toEqual(["/media/pic.png"]);
    expect(await archiveTotals(db)).toEqual({ outputs: 1, bytes: image.length });
  });

  it("stores a text output as its text, without thumbnails", async () => {
    await archiveOutput(deps(), "run_t", output("out_t", "A poem, not a URL.", "text"));
    const record = await findArchivedOutput(db, "run_t", "out_t");
    expect(record).toMatchObject({ content_type: "text/plain; charset=utf-8", thumb_row_key: null, bytes: 18 });
    expect(flora.requests).toEqual([]);
  });
});

describe("the archive queue", () => {
  it("retries a failure that may pass (503), with backoff, then archives", async () => {
    const { queue, gaveUp } = queueFor();
    queue.enqueue("run_f", [output("out_f", `${flora.origin}/media/flaky.png`)]);
    await queue.idle();
    expect(gaveUp).toEqual([]);
    expect(flora.requests).toEqual(["/media/flaky.png", "/media/flaky.png", "/media/flaky.png"]);
    expect(await findArchivedOutput(db, "run_f", "out_f")).not.toBeNull();
  });

  it("gives up after the last retry, and records nothing", async () => {
    const { queue, gaveUp } = queueFor(1);
    queue.enqueue("run_f", [output("out_f", `${flora.origin}/media/flaky.png`)]);
    await queue.idle();
    expect(gaveUp).toHaveLength(1);
    expect(flora.requests).toHaveLength(2);
    expect(await findArchivedOutput(db, "run_f", "out_f")).toBeNull();
  });

  it("refuses more than OUTPUT_MAX_BYTES at once, without retrying or keeping a partial file", async () => {
    const { queue, gaveUp } = queueFor();
    queue.enqueue("run_b", [output("out_b", `${flora.origin}/media/big.webm`, "videoUrl")]);
    await queue.idle();
    expect(gaveUp).toEqual([expect.objectContaining({ reason: expect.stringContaining("OUTPUT_MAX_BYTES") })]);
    expect(flora.requests).toEqual(["/media/big.webm"]);
    expect(await findArchivedOutput(db, "run_b", "out_b")).toBeNull();
    expect(await store.head("runs/run_b/out_b")).toBeNull();
  });

  it("refuses a private address without connecting, and without retrying", async () => {
    const { queue, gaveUp } = queueFor();
    queue.enqueue("run_p", [output("out_p", `http://127.0.0.1:${inside.port}/secret.png`)]);
    await queue.idle();
    expect(gaveUp).toEqual([expect.objectContaining({ reason: expect.stringContaining("not a public address") })]);
    expect(inside.requests).toEqual([]);
    expect(await findArchivedOutput(db, "run_p", "out_p")).toBeNull();
  });

  it("does not retry a 4xx from the media host", async () => {
    const { queue, gaveUp } = queueFor();
    queue.enqueue("run_g", [output("out_g", `${flora.origin}/media/gone.png`)]);
    await queue.idle();
    expect(gaveUp).toHaveLength(1);
    expect(flora.requests).toEqual(["/media/gone.png"]);
  });

  it("runs at most `concurrency` copies at once and never waits in enqueue", async () => {
    let active = 0;
    let peak = 0;
    const done: string[] = [];
    const queue = createArchiveQueue({
      concurrency: 2,
      archive: async (_runId, out) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active -= 1;
        done.push(out.output_id);
      },
    });
    queue.enqueue("run_c", ["o1", "o2", "o3", "o4", "o5"].map((id) => output(id, `${flora.origin}/x`)));
    expect(done).toEqual([]); // enqueue returned before any copy finished
    await queue.idle();
    expect(peak).toBe(2);
    expect(done.sort()).toEqual(["o1", "o2", "o3", "o4", "o5"]);
  });

  it("does not start a second copy of an output still in flight", async () => {
    const archive = vi.fn(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const queue = createArchiveQueue({ archive });
    const outs = [output("o1", `${flora.origin}/x`)];
    queue.enqueue("run_d", outs);
    queue.enqueue("run_d", outs);
    await queue.idle();
    expect(archive).toHaveBeenCalledTimes(1);
  });
});
