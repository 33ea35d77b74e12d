import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipStream, type ZipEntry } from "@/lib/zip/zip-stream";

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* chunksOf(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

const entry = (name: string, ...parts: string[]): ZipEntry => ({
  name,
  modifiedAt: new Date(2026, 10, 22, 21, 15, 30),
  bytes: async () => chunksOf(...parts),
});

/** Reads an archive by its central directory, as unzip tools do, and checks every CRC. */
function readZip(zip: Buffer): Array<{ name: string; content: Buffer; crcOk: boolean; time: number }> {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endAt).toBe(zip.length - 22);
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  expect(at + zip.readUInt32LE(endAt + 12)).toBe(endAt);
  const files = [];
  for (let index = 0; index < count; index += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    expect(zip.readUInt32LE(localAt)).toBe(0x04034b50);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const content = zip.subarray(dataAt, dataAt + size);
    // The data descriptor right after the bytes repeats CRC and sizes.
    expect(zip.readUInt32LE(dataAt + size)).toBe(0x08074b50);
    expect(zip.readUInt32LE(dataAt + size + 4)).toBe(crc);
    files.push({ name, content, crcOk: crc32(content) === crc, time: zip.readUInt16LE(at + 12) });
    at += 46 + nameLength;
  }
  return files;
}

describe("zipStream", () => {
  it("writes every entry, in order, with matching CRCs and sizes", async () => {
    const zip = await collect(zipStream([entry("run_a-1.txt", "hello ", "world"), entry("run_a-2.png", "\x89PNG...")]));
    const files = readZip(zip);
    expect(files.map((f) => f.name)).toEqual(["run_a-1.txt", "run_a-2.png"]);
    expect(files[0]!.content.toString()).toBe("hello world");
    expect(files.every((f) => f.crcOk)).toBe(true);
    expect(files[0]!.time).toBe((21 << 11) | (15 << 5) | 15);
  });

  it("writes an empty archive with only its end record", async () => {
    const zip = await collect(zipStream([]));
    expect(zip).toHaveLength(22);
    expect(readZip(zip)).toEqual([]);
  });

  it("keeps UTF-8 names and refuses a name twice", async () => {
    const files = readZip(await collect(zipStream([entry("café.txt", "x")])));
    expect(files[0]!.name).toBe("café.txt");
    await expect(collect(zipStream([entry("a.txt", "1"), entry("a.txt", "2")]))).rejects.toThrow(/Duplicate/);
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
