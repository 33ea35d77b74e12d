import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRange } from "./media/serve-bytes";
import { renderPdf } from "./media/pdf";
import { renderPng } from "./media/png";
import { renderWav } from "./media/wav";
import { startFixture, type SimFixture } from "./testing/sim-fixture";

let fx: SimFixture;
let imageUrl: string;
let videoUrl: string;

beforeAll(async () => {
  fx = await startFixture();
  const body = (await (await fx.api("/generations?status=completed&limit=100")).json()) as {
    generations: { outputs?: { type: string; url: string }[] }[];
  };
  const outputs = body.generations.flatMap((g) => g.outputs ?? []);
  imageUrl = outputs.find((o) => o.type === "imageUrl")?.url ?? "";
  videoUrl = outputs.find((o) => o.type === "videoUrl")?.url ?? "";
});
afterAll(() => fx.sim.close());

describe("media serving", () => {
  it("serves images with cache headers, a thumbnail size and ETag revalidation", async () => {
    const full = await fetch(imageUrl);
    expect(full.headers.get("cache-control")).toContain("max-age");
    const fullBytes = Buffer.from(await full.arrayBuffer());
    expect(fullBytes.readUInt32BE(16)).toBe(256); // IHDR width
    const thumb = Buffer.from(await (await fetch(`${imageUrl}?size=thumb`)).arrayBuffer());
    expect(thumb.readUInt32BE(16)).toBe(64);
    const etag = full.headers.get("etag") ?? "";
    expect((await fetch(imageUrl, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("answers byte ranges so players can seek", async () => {
    const whole = Buffer.from(await (await fetch(videoUrl)).arrayBuffer());
    const partial = await fetch(videoUrl, { headers: { range: "bytes=100-199" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-199/${whole.length}`);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(whole.subarray(100, 200));
    const beyond = await fetch(videoUrl, { headers: { range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
    const head = await fetch(videoUrl, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe(String(whole.length));
  });

  it("404s unknown runs and outputs of another type", async () => {
    expect((await fetch(`${fx.sim.origin}/media/runs/run_nothere/0.png`)).status).toBe(404);
    expect((await fetch(imageUrl.replace(/\.png$/, ".wav"))).status).toBe(404);
    expect((await fetch(`${fx.sim.origin}/media/poster.png`)).headers.get("content-type")).toBe("image/png");
  });
});

describe("media rendering", () => {
  it("parses ranges", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=50-500", 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-1,5-6", 100)).toBeUndefined();
    expect(parseRange(undefined, 100)).toBeUndefined();
  });

  it("derives distinct images and tones from the key", () => {
    expect(renderPng("run_a/0", 32)).not.toEqual(renderPng("run_b/0", 32));
    expect(renderPng("run_a/0", 32)).toEqual(renderPng("run_a/0", 32));
    const wav = renderWav("run_a/0");
    expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(wav.toString("ascii", 8, 12)).toBe("WAVE");
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  });

  it("writes a PDF whose xref offsets point at its objects", () => {
    const pdf = renderPdf("Title (with parens)", ["run_x"]).toString("latin1");
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(pdf).toContain("\\(with parens\\)");
  });
});

describe("media that expired", () => {
  it("POST /_sim/media/forget makes one run's media answer 410 until /reset", async () => {
    const runId = /\/media\/runs\/(run_[^/]+)\//.exec(imageUrl)?.[1] ?? "";
    expect(runId).not.toBe("");
    expect((await fx.control("/media/forget", { run_id: runId })).status).toBe(200);
    expect((await fetch(imageUrl)).status).toBe(410);
    expect((await fetch(videoUrl)).status).toBe(200); // another run's media is untouched
    expect((await fx.control("/media/forget", { run_id: "../etc" })).status).toBe(400);
    await fx.control("/reset", {});
    expect((await fetch(imageUrl)).status).toBe(200);
  });
});
