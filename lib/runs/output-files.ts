import type { OutputType, RunOutput } from "@/lib/flora/schemas";

/** Names for downloaded outputs: `<runId>-<n>-<kind>.<ext>`, safe on every file system. */

export const OUTPUT_KIND: Record<OutputType, "image" | "video" | "audio" | "text" | "document"> = {
  imageUrl: "image",
  videoUrl: "video",
  audioUrl: "audio",
  text: "text",
  documentUrl: "document",
};

/**
 * The only content types a download keeps, and the extension each gives its file. Anything
 * else (SVG, HTML, a type FLORA's media host made up) downloads as application/octet-stream
 * named .bin: the file's type and name come from this list, never from the URL.
 */
const EXTENSION_BY_CONTENT_TYPE: ReadonlyMap<string, string> = new Map([
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
  ["image/webp", "webp"],
  ["image/gif", "gif"],
  ["image/avif", "avif"],
  ["video/mp4", "mp4"],
  ["video/webm", "webm"],
  ["video/quicktime", "mov"],
  ["audio/mpeg", "mp3"],
  ["audio/wav", "wav"],
  ["audio/x-wav", "wav"],
  ["audio/ogg", "ogg"],
  ["audio/flac", "flac"],
  ["audio/mp4", "m4a"],
  ["application/pdf", "pdf"],
  ["text/plain", "txt"],
]);

const OPAQUE_CONTENT_TYPE = "application/octet-stream";
const OPAQUE_EXTENSION = "bin";

const essenceOf = (contentType: string | null | undefined) => contentType?.split(";")[0]?.trim().toLowerCase() ?? "";

/** The content type a download is served with: an allowlisted essence, or octet-stream. */
export function downloadContentType(contentType: string | null | undefined): string {
  const essence = essenceOf(contentType);
  return EXTENSION_BY_CONTENT_TYPE.has(essence) ? essence : OPAQUE_CONTENT_TYPE;
}

const extensionFor = (contentType: string | null | undefined) => EXTENSION_BY_CONTENT_TYPE.get(essenceOf(contentType)) ?? OPAQUE_EXTENSION;

/** Run ids are checked to be [A-Za-z0-9_-]; anything else is replaced all the same. */
const safePart = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 128);

const baseName = (runId: string, index: number, output: RunOutput) => `${safePart(runId)}-${index + 1}-${OUTPUT_KIND[output.type]}`;

/** A text output is text whatever it says; a fetched one is named by its content type. */
export function outputFileName(runId: string, index: number, output: RunOutput, contentType?: string | null): string {
  return `${baseName(runId, index, output)}.${output.type === "text" ? "txt" : extensionFor(contentType)}`;
}

/** The note a zip carries in place of an output that could not be downloaded. */
export const unavailableNoteName = (runId: string, index: number, output: RunOutput) => `${baseName(runId, index, output)}.unavailable.txt`;

export const archiveFileName = (runId: string) => `${safePart(runId)}-outputs.zip`;

/** Content-Disposition for a download, with an ASCII fallback and the RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
