import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { zipStream, type ZipEntry } from "@/lib/zip/zip-stream";

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* chunksOf(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

const MODIFIED_AT = new Date(2026, 10, 22, 21, 15, 30);

const entry = (name: string, ...parts: string[]): ZipEntry => ({ name, modifiedAt: MODIFIED_AT, bytes: async () => chunksOf(...parts) });

/** CRC-32 (IEEE), written out here so the check does not lean on the writer's own code. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads an archive with yauzl, an independent reader that checks sizes against the central directory. */
async function readZip(zip: Buffer) {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const files = [];
  for await (const item of file.eachEntry()) {
    const content = await collect(await file.openReadStreamPromise(item));
    files.push({ name: item.fileName, content, crcOk: crc32(content) === item.crc32, method: item.compressionMethod, modifiedAt: item.getLastModDate() });
  }
  return files;
}

const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no progress in ${ms} ms`)), ms));

describe("zipStream", () => {
  it("writes every entry, in order, stored, with matching CRCs, sizes and times", async () => {
    const files = await readZip(await collect(zipStream([entry("run_a-1.txt", "hello ", "world"), entry("run_a-2.png", "\x89PNG...")])));
    expect(files.map((f) => f.name)).toEqual(["run_a-1.txt", "run_a-2.png"]);
    expect(files[0]!.content.toString()).toBe("hello world");
    expect(files.every((f) => f.crcOk && f.method === 0)).toBe(true);
    expect(files[0]!.modifiedAt.getTime()).toBe(MODIFIED_AT.getTime());
  });

  it("writes an empty archive with only its end record", async () => {
    const zip = await collect(zipStream([]));
    expect(zip).toHaveLength(22);
    expect(await readZip(zip)).toEqual([]);
  });

  it("keeps UTF-8 names, and refuses a name twice or one that would escape the folder", async () => {
    expect((await readZip(await collect(zipStream([entry("café.txt", "x")]))))[0]!.name).toBe("café.txt");
    await expect(collect(zipStream([entry("a.txt", "1"), entry("a.txt", "2")]))).rejects.toThrow(/Duplicate/);
    await expect(collect(zipStream([entry("../evil.txt", "x")]))).rejects.toThrow(/\.\./);
  });

  it("passes a body's bytes on as they arrive, never holding the whole body", async () => {
    let firstSeen!: () => void;
    const seen = new Promise<void>((resolve) => (firstSeen = resolve));
    async function* body() {
      yield Buffer.from("first-part");
      // The rest comes only once the reader has the first part: a writer that buffered the
      // body would wait here forever.
      await seen;
      yield Buffer.from("second-part");
    }
    const read = (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of zipStream([{ name: "video.webm", modifiedAt: MODIFIED_AT, bytes: async () => body() }])) {
        chunks.push(Buffer.from(chunk));
        if (Buffer.concat(chunks).includes("first-part")) firstSeen();
      }
      return Buffer.concat(chunks);
    })();
    const files = await readZip(await Promise.race([read, timeout(5_000)]));
    expect(files[0]!.content.toString()).toBe("first-partsecond-part");
  });

  it("asks for the next entry only once the previous body has been read", async () => {
    const events: string[] = [];
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const name of ["one", "two"]) {
        events.push(`open ${name}`);
        yield {
          name,
          modifiedAt: MODIFIED_AT,
          bytes: async () =>
            (async function* () {
              yield Buffer.from(name);
              events.push(`read ${name}`);
            })(),
        };
      }
    }
    await collect(zipStream(entries()));
    expect(events).toEqual(["open one", "read one", "open two", "read two"]);
  });

  it("fails the archive when a body breaks", async () => {
    async function* broken() {
      yield Buffer.from("partial");
      throw new Error("media host reset the connection");
    }
    await expect(collect(zipStream([{ name: "a.bin", modifiedAt: MODIFIED_AT, bytes: async () => broken() }]))).rejects.toThrow("media host reset");
  });

  it("stops reading the body and asking for entries when the reader leaves", async () => {
    let bodyClosed = false;
    let entriesClosed = false;
    let secondOpened = false;
    async function* endless() {
      try {
        for (;;) yield Buffer.alloc(64 * 1024, 1);
      } finally {
        bodyClosed = true;
      }
    }
    async function* entries(): AsyncGenerator<ZipEntry> {
      try {
        yield { name: "big.bin", modifiedAt: MODIFIED_AT, bytes: async () => endless() };
        secondOpened = true;
        yield entry("second.txt", "x");
      } finally {
        entriesClosed = true;
      }
    }
    let read = 0;
    for await (const chunk of zipStream(entries())) {
      read += chunk.length;
      if (read > 1024 * 1024) break;
    }
    await expect.poll(() => bodyClosed && entriesClosed).toBe(true);
    expect(secondOpened).toBe(false);
  });

  it.skipIf(!fs.existsSync("/usr/bin/unzip"))("is read by Info-ZIP's unzip", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zip-test-"));
    const file = path.join(dir, "out.zip");
    fs.writeFileSync(file, await collect(zipStream([entry("one.txt", "first"), entry("two/two.txt", "second")])));
    expect(execFileSync("/usr/bin/unzip", ["-t", file]).toString()).toContain("No errors detected");
    expect(execFileSync("/usr/bin/unzip", ["-p", file, "two/two.txt"]).toString()).toBe("second");
    fs.rmSync(dir, { recursive: true });
  });
});
