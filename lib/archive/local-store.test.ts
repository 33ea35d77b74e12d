import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outputKey, thumbKey } from "@/lib/archive/keys";
import { createLocalStore } from "@/lib/archive/local-store";
import { checkArchive } from "@/lib/archive/health";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "archive-local-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts).toString();
}

describe("the local archive store", () => {
  it("writes, reads, heads and deletes an object with its content type", async () => {
    const store = createLocalStore(root);
    const key = outputKey("run_abc", "out_1");
    expect(await store.put(key, Readable.from([Buffer.from("he"), Buffer.from("llo")]), { contentType: "image/png" })).toEqual({ bytes: 5, contentType: "image/png" });
    expect(await store.head(key)).toEqual({ bytes: 5, contentType: "image/png" });
    const object = await store.get(key);
    expect(object && (await text(object.body))).toBe("hello");
    await store.delete(key);
    expect(await store.head(key)).toBeNull();
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // already gone: nothing happens
  });

  it("leaves no temporary files, and keeps the files under the folder", async () => {
    const store = createLocalStore(root);
    await store.put(thumbKey("run_abc", "out_1", "row"), Buffer.from("webp"), { contentType: "image/webp" });
    expect(await readdir(path.join(root, ".tmp"))).toEqual([]);
    expect(await readdir(path.join(root, "runs", "run_abc"))).toEqual(["out_1.row.webp"]);
  });

  it("refuses any key that is not one the archive makes, before touching the disk", async () => {
    const store = createLocalStore(root);
    for (const key of ["../escape", "runs/run_abc/../../x", "/etc/passwd", "runs/run_abc/..", "runs/../run_abc/x", "runs/run_a/b/c", "runs/run_abc/.hidden"]) {
      await expect(store.put(key, Buffer.from("x"), { contentType: "text/plain" })).rejects.toThrow();
      await expect(store.get(key)).rejects.toThrow();
      await expect(store.delete(key)).rejects.toThrow();
    }
    expect(await readdir(root)).not.toContain("escape");
  });

  it("builds keys only from valid ids", () => {
    expect(() => outputKey("../run", "out")).toThrow();
    expect(() => outputKey("run_abc", "..")).toThrow();
    expect(() => outputKey("run_abc", "a/b")).toThrow();
    expect(outputKey("run_abc", "out:1.png")).toBe("runs/run_abc/out:1.png");
  });

  it("is healthy when the folder can be written, and says so when it cannot", async () => {
    expect(await checkArchive(createLocalStore(root))).toEqual({ status: "ok" });
    const file = path.join(root, "a-file");
    await writeFile(file, "not a folder");
    const health = await checkArchive(createLocalStore(path.join(file, "archive")));
    expect(health).toEqual({ status: "error", message: "the archive folder cannot be written (ENOTDIR)" });
  });
});
