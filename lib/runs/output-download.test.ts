import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunOutput } from "@/lib/flora/schemas";
import { startMediaServer, type MediaServer } from "@/lib/testing/media-server";

const env = vi.hoisted(() => ({ FLORA_BASE_URL: "", OUTPUT_MAX_BYTES: 1000, MEDIA_HOSTS: undefined as string | undefined }));
const warn = vi.hoisted(() => vi.fn());
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/log", () => ({ log: { warn, error: vi.fn(), info: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ e }) }));

const { openOutput, OutputUnavailableError } = await import("@/lib/runs/output-download");

let flora: MediaServer;
let inside: MediaServer;

beforeAll(async () => {
  inside = await startMediaServer((_req, res) => res.end("internal"));
  flora = await startMediaServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/media/ok.png") return res.writeHead(200, { "content-type": "image/png", "content-length": "3" }).end("PNG");
    if (path === "/media/pic.svg") return res.writeHead(200, { "content-type": "image/svg+xml" }).end("<svg onload=alert(1)>");
    if (path === "/media/declared-big") {
      res.writeHead(200, { "content-type": "video/mp4", "content-length": "5000" });
      return res.end(Buffer.alloc(5000));
    }
    if (path === "/media/chunked-big") {
      res.writeHead(200, { "content-type": "video/mp4" });
      for (let i = 0; i < 6; i += 1) res.write(Buffer.alloc(500));
      return res.end();
    }
    if (path === "/media/gzip") {
      const body = gzipSync("hello there");
      return res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip", "content-length": String(body.length) }).end(body);
    }
    res.writeHead(404).end();
  });
  env.FLORA_BASE_URL = `${flora.origin}/api/v1`;
});

afterAll(() => Promise.all([flora.close(), inside.close()]));
beforeEach(() => warn.mockClear());

const media = (url: string, type: RunOutput["type"] = "imageUrl"): RunOutput => ({ output_id: "out_1", type, url });

async function read(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts);
}

async function refusedReason(url: string): Promise<string> {
  const error = await openOutput(media(url)).then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(OutputUnavailableError);
  return (error as InstanceType<typeof OutputUnavailableError>).reason;
}

describe("openOutput", () => {
  it("fetches from FLORA's origin, with the allowlisted content type and the declared length", async () => {
    const opened = await openOutput(media(`${flora.origin}/media/ok.png`));
    expect(opened.contentType).toBe("image/png");
    expect(opened.length).toBe(3);
    expect((await read(opened.body)).toString()).toBe("PNG");
  });

  it("serves SVG as application/octet-stream", async () => {
    const opened = await openOutput(media(`${flora.origin}/media/pic.svg`));
    expect(opened.contentType).toBe("application/octet-stream");
  });

  it("refuses another port on loopback, and logs why without the URL's query", async () => {
    const reason = await refusedReason(`http://127.0.0.1:${inside.port}/x?token=signed-secret`);
    expect(reason).toMatch(/not a public address \(loopback\)/);
    expect(inside.requests).toEqual([]);
    expect(warn).toHaveBeenCalledWith("output download refused", expect.objectContaining({ output: "out_1", host: `127.0.0.1:${inside.port}`, reason }));
    expect(JSON.stringify(warn.mock.calls)).not.toContain("signed-secret");
  });

  it("refuses a URL that is not http(s), and a 404 from the media host", async () => {
    expect(await refusedReason("javascript:alert(1)")).toMatch(/not http\(s\)/);
    expect(await refusedReason("/media/ok.png")).toMatch(/not a URL/);
    expect(await refusedReason(`${flora.origin}/media/missing`)).toMatch(/answered 404/);
  });

  it("refuses up front an output whose Content-Length is over OUTPUT_MAX_BYTES", async () => {
    expect(await refusedReason(`${flora.origin}/media/declared-big`)).toMatch(/Content-Length 5000 is over OUTPUT_MAX_BYTES \(1000\)/);
  });

  it("fails the body once more than OUTPUT_MAX_BYTES arrive without a Content-Length", async () => {
    const opened = await openOutput(media(`${flora.origin}/media/chunked-big`, "videoUrl"));
    expect(opened.length).toBeNull();
    let received = 0;
    const reading = (async () => {
      for await (const chunk of opened.body) received += chunk.length;
    })();
    await expect(reading).rejects.toBeInstanceOf(OutputUnavailableError);
    expect(received).toBeLessThanOrEqual(1000);
    expect(warn).toHaveBeenCalledWith("output download refused", expect.objectContaining({ reason: expect.stringMatching(/more than OUTPUT_MAX_BYTES/) }));
  });

  it("drops the declared length of a body the host encoded anyway (it arrives decoded)", async () => {
    const opened = await openOutput(media(`${flora.origin}/media/gzip`, "documentUrl"));
    expect(opened.length).toBeNull();
    expect((await read(opened.body)).toString()).toBe("hello there");
  });

  it("gives a text output as its text, without fetching anything", async () => {
    const opened = await openOutput(media(`http://127.0.0.1:${inside.port}/`, "text"));
    expect((await read(opened.body)).toString()).toBe(`http://127.0.0.1:${inside.port}/`);
    expect(inside.requests).toEqual([]);
  });
});
