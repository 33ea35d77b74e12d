import "server-only";
import type { RunOutput } from "@/lib/flora/schemas";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors/api-error";
import { log } from "@/lib/log";
import { parseMediaHosts } from "@/lib/net/media-hosts";
import { createSafeFetcher, fetchFailureReason, type SafeFetcher } from "@/lib/net/safe-fetch";
import { downloadContentType } from "@/lib/runs/output-files";

/**
 * Fetches a run's outputs for download. Output URLs come from FLORA's answer for the run
 * (never from the request) and are fetched through lib/net/safe-fetch: public addresses
 * only (FLORA's own origin excepted), MEDIA_HOSTS when set, redirects checked hop by hop.
 * At most OUTPUT_MAX_BYTES per output, and the whole transfer within five minutes. Text
 * outputs are the text itself.
 *
 * Whatever goes wrong, the caller shows one generic message: the reason (a refused
 * address, DNS, a 404, the size) is for the log only, so the download route cannot be
 * used to map what the dashboard's network holds.
 */

const OUTPUT_TRANSFER_MS = 5 * 60_000;

export const OUTPUT_UNAVAILABLE_MESSAGE = "This output could not be downloaded.";

export interface OpenedOutput {
  contentType: string;
  length: number | null;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** The output could not be fetched; `reason` is for the log, never for the client. */
export class OutputUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "OutputUnavailableError";
  }
}

let fetcher: SafeFetcher | undefined;

/** Built on first use, from settings parsed once. */
function outputFetcher(): SafeFetcher {
  if (!fetcher) {
    const env = getEnv();
    const mediaHosts = parseMediaHosts(env.MEDIA_HOSTS);
    if (mediaHosts.invalid.length > 0) {
      log.warn("MEDIA_HOSTS entries that are not host names match nothing", { entries: mediaHosts.invalid });
    }
    fetcher = createSafeFetcher({ trustedOrigin: new URL(env.FLORA_BASE_URL).origin, mediaHosts: mediaHosts.list });
  }
  return fetcher;
}

function unavailable(output: RunOutput, reason: string, host?: string): OutputUnavailableError {
  // The host, not the URL: signed media URLs carry tokens in their query.
  log.warn("output download refused", { output: output.output_id, host, reason });
  return new OutputUnavailableError(reason);
}

/** Passes the body on, and fails it once more than maxBytes have arrived. */
async function* capped(body: AsyncIterable<Uint8Array>, maxBytes: number, output: RunOutput, host: string): AsyncGenerator<Uint8Array> {
  let received = 0;
  // Leaving the loop early (the cap, or the client going away) cancels the upstream body.
  for await (const chunk of body) {
    received += chunk.length;
    if (received > maxBytes) throw unavailable(output, `more than OUTPUT_MAX_BYTES (${maxBytes}) arrived`, host);
    yield chunk;
  }
}

function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  const length = value === null ? NaN : Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

export async function openOutput(output: RunOutput): Promise<OpenedOutput> {
  if (output.type === "text") {
    const bytes = Buffer.from(output.url, "utf8");
    return { contentType: "text/plain; charset=utf-8", length: bytes.length, body: [bytes] };
  }
  let host: string;
  try {
    host = new URL(output.url).host;
  } catch {
    throw unavailable(output, "the output's URL is not a URL");
  }
  const maxBytes = getEnv().OUTPUT_MAX_BYTES;
  let response: Awaited<ReturnType<SafeFetcher["fetch"]>>;
  try {
    response = await outputFetcher().fetch(output.url, { signal: AbortSignal.timeout(OUTPUT_TRANSFER_MS) });
  } catch (error) {
    throw unavailable(output, fetchFailureReason(error), host);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw unavailable(output, `the media host answered ${response.status}`, host);
  }
  const length = declaredLength(response.headers);
  if (length !== null && length > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw unavailable(output, `Content-Length ${length} is over OUTPUT_MAX_BYTES (${maxBytes})`, host);
  }
  // A body the host encoded anyway arrives decoded, so its declared length no longer holds.
  const encoded = (response.headers.get("content-encoding") ?? "identity").toLowerCase() !== "identity";
  return {
    contentType: downloadContentType(response.headers.get("content-type")),
    length: encoded ? null : length,
    body: capped(response.body, maxBytes, output, host),
  };
}

export function findOutput(outputs: RunOutput[], outputId: string): { output: RunOutput; index: number } {
  const index = outputs.findIndex((candidate) => candidate.output_id === outputId);
  if (index < 0) throw new ApiError("not_found", "This run has no output with that id.");
  return { output: outputs[index]!, index };
}
