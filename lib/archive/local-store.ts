import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { archiveKeySchema } from "@/lib/archive/keys";
import type { ArchiveObject, ArchiveObjectInfo, ArchivePutMeta, ArchiveStore, ByteRange } from "@/lib/archive/store";

/**
 * The default archive: files under ARCHIVE_DIR. A key is checked against the key schema and
 * its resolved path against the folder before anything is touched. Writes go to a temporary
 * file in the same folder tree, then rename: a reader sees the old file or the new, never
 * half of one. Content types are kept beside the files, under `.meta/` (no key starts with
 * a dot, so that folder and `.tmp/` can never be a key's path).
 */

const OCTET_STREAM = "application/octet-stream";

export function createLocalStore(root: string): ArchiveStore {
  const base = path.resolve(root);

  function pathOf(key: string, under = ""): string {
    const checked = archiveKeySchema.parse(key);
    const folder = under ? path.join(base, under) : base;
    const resolved = path.resolve(folder, checked);
    if (!resolved.startsWith(folder + path.sep)) throw new Error("archive key escapes the archive folder");
    return resolved;
  }
  const metaPath = (key: string) => `${pathOf(key, ".meta")}.json`;

  async function tempFile(): Promise<string> {
    const folder = path.join(base, ".tmp");
    await mkdir(folder, { recursive: true });
    return path.join(folder, `${Date.now()}-${randomBytes(8).toString("hex")}`);
  }

  async function readMeta(key: string): Promise<string> {
    try {
      const parsed = JSON.parse(await readFile(metaPath(key), "utf8")) as { contentType?: unknown };
      return typeof parsed.contentType === "string" ? parsed.contentType : OCTET_STREAM;
    } catch {
      return OCTET_STREAM;
    }
  }

  async function head(key: string): Promise<ArchiveObjectInfo | null> {
    const file = pathOf(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { bytes: info.size, contentType: await readMeta(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  return {
    kind: "local",

    async put(key: string, body: Buffer | Readable, meta: ArchivePutMeta): Promise<ArchiveObjectInfo> {
      const file = pathOf(key);
      const metaFile = metaPath(key);
      const [bodyTemp, metaTemp] = [await tempFile(), await tempFile()];
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(bodyTemp));
        await writeFile(metaTemp, JSON.stringify({ contentType: meta.contentType }));
        await mkdir(path.dirname(file), { recursive: true });
        await mkdir(path.dirname(metaFile), { recursive: true });
        // The type first: a file that exists always has its type beside it.
        await rename(metaTemp, metaFile);
        await rename(bodyTemp, file);
      } finally {
        await Promise.all([rm(bodyTemp, { force: true }), rm(metaTemp, { force: true })]);
      }
      const info = await stat(file);
      return { bytes: info.size, contentType: meta.contentType };
    },

    async get(key: string, range?: ByteRange): Promise<ArchiveObject | null> {
      const info = await head(key);
      if (!info) return null;
      // `bytes` is the whole object's size either way; the caller sizes the part it asked for.
      return { ...info, body: createReadStream(pathOf(key), range && { start: range.start, end: range.end }) };
    },

    head,

    async delete(key: string): Promise<void> {
      await rm(pathOf(key), { force: true });
      await rm(metaPath(key), { force: true });
    },

    async check(): Promise<void> {
      // Writable means a file can be made and renamed where the archive writes.
      const probe = await tempFile();
      await writeFile(probe, "ok");
      await rm(probe, { force: true });
    },
  };
}
