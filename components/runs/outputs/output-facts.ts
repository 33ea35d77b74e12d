import type { RunOutput } from "@/lib/flora/wire";

/**
 * The facts an output's caption states: FLORA's output carries only a type and a URL, so the
 * resolution and duration come from the media element once its metadata loads, the format
 * from the content type the dashboard's download route saw (or else the URL's extension),
 * and the size from that route's Content-Length. A fact that is not known is left out.
 */
export interface OutputFacts {
  width?: number;
  height?: number;
  /** Seconds. */
  duration?: number;
  contentType?: string;
  bytes?: number;
}

const FORMAT_BY_CONTENT_TYPE: Record<string, string> = {
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/webp": "WebP",
  "image/gif": "GIF",
  "image/avif": "AVIF",
  "video/mp4": "MP4",
  "video/webm": "WebM",
  "video/quicktime": "MOV",
  "audio/mpeg": "MP3",
  "audio/wav": "WAV",
  "audio/x-wav": "WAV",
  "audio/ogg": "Ogg",
  "audio/flac": "FLAC",
  "audio/mp4": "M4A",
  "application/pdf": "PDF",
  "text/plain": "Text",
};

const FORMAT_BY_EXTENSION: Record<string, string> = {
  png: "PNG",
  jpg: "JPEG",
  jpeg: "JPEG",
  webp: "WebP",
  gif: "GIF",
  avif: "AVIF",
  mp4: "MP4",
  webm: "WebM",
  mov: "MOV",
  mp3: "MP3",
  wav: "WAV",
  ogg: "Ogg",
  flac: "FLAC",
  m4a: "M4A",
  pdf: "PDF",
};

/** "PNG" from the content type, else from the URL's extension; undefined when neither says. */
export function formatOf(output: RunOutput, contentType?: string): string | undefined {
  if (output.type === "text") return "Text";
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  if (essence && FORMAT_BY_CONTENT_TYPE[essence]) return FORMAT_BY_CONTENT_TYPE[essence];
  try {
    const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(output.url).pathname)?.[1]?.toLowerCase();
    return extension ? FORMAT_BY_EXTENSION[extension] : undefined;
  } catch {
    return undefined;
  }
}

const UNITS = ["kB", "MB", "GB", "TB"];

/** "512 B", "1.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

/** "4.2 s" under a minute, else "1:02" or "1:02:03" as players show it. */
export function formatMediaDuration(seconds: number): string {
  if (seconds < 59.95) return `${Math.max(0, seconds).toFixed(1)} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The caption's facts in reading order, each a short phrase; only the known ones. */
export function captionFacts(output: RunOutput, facts: OutputFacts): string[] {
  const parts: string[] = [];
  if (facts.width && facts.height) parts.push(`${facts.width}×${facts.height}`);
  if (facts.duration !== undefined && Number.isFinite(facts.duration) && facts.duration > 0) parts.push(formatMediaDuration(facts.duration));
  if (output.type === "text") {
    const characters = [...output.url].length;
    parts.push(`${characters.toLocaleString("en-US")} ${characters === 1 ? "character" : "characters"}`);
  }
  const format = formatOf(output, facts.contentType);
  if (format && output.type !== "text") parts.push(format);
  const bytes = output.type === "text" ? new TextEncoder().encode(output.url).length : facts.bytes;
  if (bytes !== undefined && Number.isFinite(bytes) && bytes >= 0) parts.push(formatBytes(bytes));
  return parts;
}
