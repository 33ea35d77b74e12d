import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../http/api-error";
import { sendError } from "../http/reply";
import { MEDIA_EXTENSION } from "../runs/outputs";
import type { SimState } from "../state/sim-state";
import { renderPdf } from "./pdf";
import { renderPng } from "./png";
import { serveBytes } from "./serve-bytes";
import { renderWav } from "./wav";

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  webm: "video/webm",
  wav: "audio/wav",
  pdf: "application/pdf",
};

const fixtures = new Map<string, Buffer>();
/** The committed fixtures, read once on first use. */
function fixture(name: "sample.webm" | "poster.png"): Buffer {
  let bytes = fixtures.get(name);
  if (!bytes) {
    bytes = readFileSync(new URL(`./${name}`, import.meta.url));
    fixtures.set(name, bytes);
  }
  return bytes;
}

type Cache = (key: string, render: () => Buffer) => Buffer;

// Rendering is cheap but not free; a small cache covers a scrolling grid of thumbnails.
function renderCache(capacity: number): Cache {
  const rendered = new Map<string, Buffer>();
  return (key, render) => {
    const hit = rendered.get(key);
    if (hit) return hit;
    const bytes = render();
    if (rendered.size >= capacity) rendered.delete(rendered.keys().next().value ?? "");
    rendered.set(key, bytes);
    return bytes;
  };
}

function runMedia(sim: SimState, cached: Cache, runId: string, index: number, ext: string, thumb: boolean): Buffer | undefined {
  const run = sim.findRun(runId);
  const type = run?.outputs[index];
  if (!run || !type || type === "text" || MEDIA_EXTENSION[type] !== ext) return undefined;
  const key = `${runId}/${index}`;
  switch (ext) {
    case "png":
      return cached(`${key}.png${thumb ? "@thumb" : ""}`, () => renderPng(key, thumb ? 64 : 256));
    case "wav":
      return cached(`${key}.wav`, () => renderWav(key));
    case "pdf":
      return cached(`${key}.pdf`, () =>
        renderPdf("FLORA simulator document", [`Run ${run.id}`, `Output ${index + 1}`, `Created ${new Date(run.createdAt).toISOString()}`]));
    default:
      // One short clip serves every video output: FLORA's variety is not the point here.
      return fixture("sample.webm");
  }
}

export type MediaHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** GET /media/runs/<runId>/<index>.<ext>[?size=thumb], /media/sample.webm, /media/poster.png; no auth. */
export function createMediaHandler(sim: SimState): MediaHandler {
  const cached = renderCache(300);
  return (req, res, url) => serveMedia(req, res, url, sim, cached);
}

function serveMedia(req: IncomingMessage, res: ServerResponse, url: URL, sim: SimState, cached: Cache): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendError(res, new ApiError(405, "method_not_allowed", "Method not allowed.", undefined, { allow: "GET, HEAD" }));
  }
  if (url.pathname === "/media/sample.webm") return serveBytes(req, res, fixture("sample.webm"), "video/webm");
  if (url.pathname === "/media/poster.png") return serveBytes(req, res, fixture("poster.png"), "image/png");
  const match = /^\/media\/runs\/(run_[A-Za-z0-9_-]{1,64})\/(\d{1,2})\.(png|webm|wav|pdf)$/.exec(url.pathname);
  // FLORA's URLs are long-lived, not permanent: a forgotten run's media is gone.
  if (match && sim.forgottenMedia.has(match[1] ?? "")) return sendError(res, new ApiError(410, "gone", "This media has expired."));
  const bytes = match ? runMedia(sim, cached, match[1] ?? "", Number(match[2]), match[3] ?? "", url.searchParams.get("size") === "thumb") : undefined;
  if (!bytes || !match) return sendError(res, new ApiError(404, "not_found", "Not found."));
  serveBytes(req, res, bytes, CONTENT_TYPES[match[3] ?? ""] ?? "application/octet-stream");
}
