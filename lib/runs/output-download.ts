import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { RunOutput } from "@/lib/flora/schemas";
import { ApiError } from "@/lib/gateway/api-error";
import { log } from "@/lib/log";
import { toSafeHttpUrl } from "@/lib/safe-url";

/**
 * Fetches a run's outputs for download. Output URLs come from FLORA's answer for the run
 * (never from the request), and only absolute http(s) URLs are fetched; text outputs are the
 * text itself. The whole transfer of one output must finish within five minutes.
 */

const OUTPUT_TRANSFER_MS = 5 * 60_000;

/** Types passed on as they are; anything else downloads as application/octet-stream. */
const PASSED_TYPES = /^(image|video|audio)\/[a-z0-9.+-]+$|^application\/pdf$|^text\/plain$/;

export interface OpenedOutput {
  contentType: string;
  length: number | null;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export class OutputUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "OutputUnavailableError";
  }
}

export function safeContentType(value: string | null): string {
  const essence = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return PASSED_TYPES.test(essence) ? essence : "application/octet-stream";
}

export async function openOutput(output: RunOutput): Promise<OpenedOutput> {
  if (output.type === "text") {
    const bytes = Buffer.from(output.url, "utf8");
    return { contentType: "text/plain; charset=utf-8", length: bytes.length, body: [bytes] };
  }
  const url = toSafeHttpUrl(output.url);
  if (!url) throw new OutputUnavailableError("FLORA gave this output a URL that is not http(s), so the dashboard did not fetch it.");
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(OUTPUT_TRANSFER_MS), redirect: "follow" });
  } catch (error) {
    log.warn("output fetch failed", { output: output.output_id, reason: error instanceof Error ? error.message : String(error) });
    throw new OutputUnavailableError("FLORA's media host could not be reached.");
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    log.warn("output fetch refused", { output: output.output_id, status: response.status });
    throw new OutputUnavailableError(`FLORA's media host answered ${response.status}.`);
  }
  const length = Number(response.headers.get("content-length"));
  return {
    contentType: safeContentType(response.headers.get("content-type")),
    length: Number.isSafeInteger(length) && length >= 0 ? length : null,
    body: Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>),
  };
}

export function findOutput(outputs: RunOutput[], outputId: string): { output: RunOutput; index: number } {
  const index = outputs.findIndex((candidate) => candidate.output_id === outputId);
  if (index < 0) throw new ApiError("not_found", "This run has no output with that id.");
  return { output: outputs[index]!, index };
}
