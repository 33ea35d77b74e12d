import { z } from "zod";
import { recordDownload } from "@/lib/activity/download";
import { outputOpener } from "@/lib/archive/output-opener";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { runIdSchema, techniqueIdSchema } from "@/lib/flora/request-schemas";
import { route } from "@/lib/http/route";
import { describeError, log } from "@/lib/log";
import { DOWNLOAD_RETRY_AFTER_SECONDS, downloadSlots, MAX_CONCURRENT_DOWNLOADS_PER_USER, streamReleasing } from "@/lib/runs/download-slots";
import { findOutput, OUTPUT_UNAVAILABLE_MESSAGE, OutputUnavailableError } from "@/lib/runs/output-download";
import { archiveFileName, attachmentDisposition, outputFileName, unavailableNoteName } from "@/lib/runs/output-files";
import { readRun } from "@/lib/runs/read-run";
import { zipStream, type ZipEntry } from "@/lib/zip/zip-stream";

const downloadQuery = z
  .object({
    run_id: runIdSchema,
    technique_id: techniqueIdSchema.optional(),
    output_id: z
      .string()
      .max(200, "is too long")
      .regex(/^[A-Za-z0-9_.:-]+$/, "is not an output id"),
  })
  .partial({ output_id: true })
  .strict();

const downloadHeaders = (fileName: string, contentType: string, length?: number | null): Record<string, string> => ({
  "content-type": contentType,
  "content-disposition": attachmentDisposition(fileName),
  "cache-control": "private, no-store",
  // Served from our origin: never let a downloaded file run as a page here.
  "content-security-policy": "default-src 'none'; sandbox",
  ...(length != null && { "content-length": String(length) }),
});

/** The one answer for any output that could not be fetched; the log says why. */
const unavailableError = () => new ApiError("upstream_error", OUTPUT_UNAVAILABLE_MESSAGE);

// GET /api/run-outputs?run_id=…[&technique_id=…][&output_id=…]: one output as a file, or
// every output of the run as a zip. Any signed-in user, a few downloads at a time; the
// URLs come from FLORA's answer and are fetched by lib/net/safe-fetch's rules.
export const GET = route({ role: "viewer", query: downloadQuery }, async ({ query, request, user, token }) => {
  const release = downloadSlots.tryAcquire(user.id);
  if (!release) {
    throw new ApiError(
      "rate_limited",
      `You already have ${MAX_CONCURRENT_DOWNLOADS_PER_USER} downloads running; wait for one to finish.`,
      undefined,
      { "retry-after": String(DOWNLOAD_RETRY_AFTER_SECONDS) },
    );
  }
  try {
    const db = await getDb();
    const body = await downloadBody(query);
    const stream = streamReleasing(body.bytes, release);
    // Recorded once the download is answered: a refused or unavailable one is not a download.
    // Unrecorded, it is not served: the stream lets go of the slot and the media host.
    await recordDownload(db, { user, token }, query).catch(async (error: unknown) => {
      await stream.cancel().catch(() => {});
      throw error;
    });
    // A client gone before Next starts piping would leave the body unread (Next does not
    // cancel it then): free the slot and the media host's connection here.
    const onAbort = () => {
      release();
      if (!stream.locked) stream.cancel().catch(() => {});
    };
    if (request.signal.aborted) onAbort();
    else request.signal.addEventListener("abort", onAbort, { once: true });
    return new Response(stream, { headers: body.headers });
  } catch (error) {
    release();
    throw error;
  }
});

const headQuery = downloadQuery.required({ output_id: true });
const OUTPUT_BYTES_HEADER = "x-output-bytes";

/** Reads no more than the first chunk, then lets go of the media host's body. */
async function discard(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  if (!(Symbol.asyncIterator in body)) return;
  const iterator = body[Symbol.asyncIterator]();
  try {
    await iterator.next();
  } catch {
    // Over the cap or cut off: nothing is sent on, so nothing more to do.
  } finally {
    await iterator.return?.().catch(() => {});
  }
}

// HEAD /api/run-outputs?run_id=…[&technique_id=…]&output_id=…: the headers one output would
// download with (its content type, and its length in X-Output-Bytes when the media host
// declares it) and no bytes. The run page's captions state format and size from it. It holds no download slot
// (it lets go after the first chunk) and counts against the teammate's request budget.
export const HEAD = route({ role: "viewer", query: headQuery }, async ({ query }) => {
  const ref = { kind: query.technique_id ? "technique" : "generation", runId: query.run_id, techniqueId: query.technique_id ?? null } as const;
  const run = await readRun(ref);
  if (run.status !== "completed") throw new ApiError("not_found", `This run is ${run.status}; it has no outputs yet.`);
  const { output, index } = findOutput(run.outputs ?? [], query.output_id);
  const openOutput = await outputOpener(run.run_id);
  try {
    const opened = await openOutput(output);
    await discard(opened.body);
    return new Response(null, {
      headers: {
        ...downloadHeaders(outputFileName(run.run_id, index, output, opened.contentType), opened.contentType, opened.length),
        // Next drops Content-Length from a handler's answer, so the size travels by name too.
        ...(opened.length != null && { [OUTPUT_BYTES_HEADER]: String(opened.length) }),
      },
    });
  } catch (error) {
    if (error instanceof OutputUnavailableError) throw unavailableError();
    throw error;
  }
});

async function downloadBody(query: z.infer<typeof downloadQuery>) {
  const ref = { kind: query.technique_id ? "technique" : "generation", runId: query.run_id, techniqueId: query.technique_id ?? null } as const;
  const run = await readRun(ref);
  const outputs = run.outputs ?? [];
  if (run.status !== "completed" || outputs.length === 0) {
    throw new ApiError("not_found", run.status === "completed" ? "This run has no outputs." : `This run is ${run.status}; it has no outputs yet.`);
  }
  // The archived copy when there is one: a link keeps its media after FLORA's URL expires.
  const openOutput = await outputOpener(run.run_id);

  if (query.output_id) {
    const { output, index } = findOutput(outputs, query.output_id);
    try {
      const opened = await openOutput(output);
      return {
        bytes: opened.body,
        headers: downloadHeaders(outputFileName(run.run_id, index, output, opened.contentType), opened.contentType, opened.length),
      };
    } catch (error) {
      if (error instanceof OutputUnavailableError) throw unavailableError();
      throw error;
    }
  }

  const modifiedAt = new Date(run.completed_at ?? Date.now());
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const [index, output] of outputs.entries()) {
      try {
        const opened = await openOutput(output);
        yield { name: outputFileName(run.run_id, index, output, opened.contentType), modifiedAt, bytes: async () => opened.body };
      } catch (error) {
        if (!(error instanceof OutputUnavailableError)) throw error;
        // One missing output should not lose the others: say so inside the archive.
        const note = `Output ${index + 1} (${output.output_id}): ${OUTPUT_UNAVAILABLE_MESSAGE}\n`;
        yield { name: unavailableNoteName(run.run_id, index, output), modifiedAt, bytes: async () => [Buffer.from(note)] };
      }
    }
  }
  async function* archive() {
    try {
      yield* zipStream(entries());
    } catch (error) {
      // Headers are sent by now: the download fails visibly (truncated), and the log says why.
      log.error("run outputs archive failed", { run: run.run_id, ...describeError(error) });
      throw error;
    }
  }
  return { bytes: archive(), headers: downloadHeaders(archiveFileName(run.run_id), "application/zip") };
}
