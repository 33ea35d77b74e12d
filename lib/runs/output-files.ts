import type { OutputType, RunOutput } from "@/lib/flora/schemas";

/** Names for downloaded outputs: `<runId>-<n>-<kind>.<ext>`, safe on every file system. */

export const OUTPUT_KIND: Record<OutputType, "image" | "video" | "audio" | "text" | "document"> = {
  imageUrl: "image",
  videoUrl: "video",
  audioUrl: "audio",
  text: "text",
  documentUrl: "document",
};

const DEFAULT_EXTENSION: Record<OutputType, string> = {
  imageUrl: "png",
  videoUrl: "mp4",
  audioUrl: "mp3",
  text: "txt",
  documentUrl: "pdf",
};

const EXTENSION_BY_CONTENT_TYPE: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/ogg": "ogg",
  "audio/flac": "flac",
  "audio/mp4": "m4a",
  "application/pdf": "pdf",
  "text/plain": "txt",
  "text/markdown": "md",
};

function extensionFromUrl(url: string): string | null {
  try {
    const match = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname);
    return match ? match[1]!.toLowerCase() : null;
  } catch {
    return null;
  }
}

function extensionFromContentType(contentType: string | null | undefined): string | null {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  return (essence && EXTENSION_BY_CONTENT_TYPE[essence]) ?? null;
}

/** Run ids are checked to be [A-Za-z0-9_-]; anything else is replaced all the same. */
const safePart = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 128);

export function outputFileName(runId: string, index: number, output: RunOutput, contentType?: string | null): string {
  const extension =
    output.type === "text"
      ? "txt"
      : (extensionFromUrl(output.url) ?? extensionFromContentType(contentType) ?? DEFAULT_EXTENSION[output.type]);
  return `${safePart(runId)}-${index + 1}-${OUTPUT_KIND[output.type]}.${extension}`;
}

export const archiveFileName = (runId: string) => `${safePart(runId)}-outputs.zip`;

/** Content-Disposition for a download, with an ASCII fallback and the RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
