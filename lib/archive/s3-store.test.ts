import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkArchive } from "@/lib/archive/health";
import { outputKey } from "@/lib/archive/keys";
import { createS3Store } from "@/lib/archive/s3-store";

// An S3-compatible server in this process, on a free port: the S3 backend's real protocol.
let server: S3rver;
let directory: string;
let endpoint: string;
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "archive-s3-"));
  server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: "atelier-archive" }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts).toString();
}

describe("the S3 archive store (against s3rver)", () => {
  it("uploads a stream with its length, then reads, heads and deletes it", async () => {
    const store = createS3Store({ bucket: "atelier-archive", region: "us-east-1", endpoint, credentials });
    const key = outputKey("run_s3", "out_1");
    await store.put(key, Readable.from([Buffer.from("hello "), Buffer.from("s3")]), { contentType: "image/png", bytes: 8 });
    expect(await store.head(key)).toEqual({ bytes: 8, contentType: "image/png" });
    const object = await store.get(key);
    expect(object?.contentType).toBe("image/png");
    expect(object && (await text(object.body))).toBe("hello s3");
    const part = await store.get(key, { start: 6, end: 7 });
    expect(part && [part.bytes, await text(part.body)]).toEqual([8, "s3"]);
    await store.delete(key);
    expect(await store.head(key)).toBeNull();
    expect(await store.get(key)).toBeNull();
  });

  it("refuses a stream without a length and a key the archive does not make", async () => {
    const store = createS3Store({ bucket: "atelier-archive", region: "us-east-1", endpoint, credentials });
    await expect(store.put(outputKey("run_s3", "out_2"), Readable.from([Buffer.from("x")]), { contentType: "text/plain" })).rejects.toThrow(/length/);
    await expect(store.put("../elsewhere", Buffer.from("x"), { contentType: "text/plain" })).rejects.toThrow();
  });

  it("is healthy when the bucket answers HeadBucket, and says so when it does not", async () => {
    expect(await checkArchive(createS3Store({ bucket: "atelier-archive", region: "us-east-1", endpoint, credentials }))).toEqual({ status: "ok" });
    const missing = await checkArchive(createS3Store({ bucket: "no-such-bucket", region: "us-east-1", endpoint, credentials }));
    expect(missing.status).toBe("error");
    expect(missing).toMatchObject({ message: expect.stringMatching(/^the S3 bucket cannot be reached/) });
  });
});
