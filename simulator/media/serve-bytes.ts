import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

type RangeResult = { start: number; end: number } | "unsatisfiable" | undefined;

/** A single "bytes=a-b", "bytes=a-" or "bytes=-n" range; anything else is ignored (full body). */
export function parseRange(header: string | undefined, size: number): RangeResult {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return undefined;
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return start >= size || end < start ? "unsatisfiable" : { start, end };
}

/**
 * Media responses: long-lived caching (a run's outputs never change), ETags, and
 * byte ranges so browsers can seek in video and audio.
 */
export function serveBytes(req: IncomingMessage, res: ServerResponse, bytes: Buffer, contentType: string): void {
  const etag = `"${createHash("sha1").update(bytes).digest("base64url").slice(0, 16)}"`;
  const headers: Record<string, string> = {
    "content-type": contentType,
    "accept-ranges": "bytes",
    "cache-control": "public, max-age=86400, immutable",
    etag,
    "access-control-allow-origin": "*",
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const range = parseRange(req.headers.range, bytes.length);
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...headers, "content-range": `bytes */${bytes.length}` }).end();
    return;
  }
  const body = range ? bytes.subarray(range.start, range.end + 1) : bytes;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    "content-length": String(body.length),
    ...(range ? { "content-range": `bytes ${range.start}-${range.end}/${bytes.length}` } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
