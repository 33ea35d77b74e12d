import "server-only";
import { Readable } from "node:stream";
import { z } from "zod";
import { getArchiveStore } from "@/lib/archive/archive-store";
import { outputIdSchema, THUMB_SIZES } from "@/lib/archive/keys";
import { openArchived, openThumb, type ServedOutput } from "@/lib/archive/serve";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { runIdSchema } from "@/lib/flora/request-schemas";

/** The archive's two read routes: an output as the run page shows it, and a thumbnail. */

export const archivedMediaQuery = z.object({ run_id: runIdSchema, output_id: outputIdSchema }).strict();
export const thumbQuery = archivedMediaQuery.extend({ size: z.enum(THUMB_SIZES, { error: "must be row or grid" }) }).strict();

// Archived files never change under their key: the browser may keep them, privately.
const CACHE = "private, max-age=31536000, immutable";

function served(object: ServedOutput): Response {
  const body = Readable.toWeb(Readable.from(object.body)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: object.range ? 206 : 200,
    headers: {
      "accept-ranges": "bytes",
      ...(object.range && { "content-range": `bytes ${object.range.start}-${object.range.end}/${object.range.size}` }),
      "content-type": object.contentType,
      "cache-control": CACHE,
      "x-content-type-options": "nosniff",
      // Served from our origin: an archived file never runs as a page here.
      "content-security-policy": "default-src 'none'; sandbox",
      ...(object.length != null && { "content-length": String(object.length) }),
    },
  });
}

const notArchived = () => new ApiError("not_found", "This output is not in the archive.");

export async function archivedMediaResponse(query: z.infer<typeof archivedMediaQuery>, rangeHeader: string | null): Promise<Response> {
  const object = await openArchived({ db: await getDb(), store: getArchiveStore() }, query.run_id, query.output_id, rangeHeader);
  if (!object) throw notArchived();
  return served(object);
}

export async function thumbResponse(query: z.infer<typeof thumbQuery>): Promise<Response> {
  const object = await openThumb({ db: await getDb(), store: getArchiveStore() }, query.run_id, query.output_id, query.size);
  if (!object) throw new ApiError("not_found", "This output has no thumbnail.");
  return served(object);
}
