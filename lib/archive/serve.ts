import type { Kysely } from "kysely";
import type { Readable } from "node:stream";
import { THUMB_CONTENT_TYPE } from "@/lib/archive/thumbnails";
import type { ThumbSize } from "@/lib/archive/keys";
import { parseRange } from "@/lib/archive/range";
import { findArchivedOutput } from "@/lib/archive/records";
import type { ArchiveStore } from "@/lib/archive/store";
import type { Database } from "@/lib/db/schema";
import type { RunOutput } from "@/lib/flora/schemas";

/**
 * Reading from the archive for the pages and downloads. An output with a record whose file
 * is there is served from the archive and FLORA's URL is not fetched at all; anything else
 * (never archived, pruned, the file lost) falls back to the live copy.
 */

export interface ServedOutput {
  contentType: string;
  length: number | null;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Set when only part was asked for (a Range header) and that part is what body holds. */
  range?: { start: number; end: number; size: number };
}

export interface ServeDeps {
  db: Kysely<Database>;
  store: ArchiveStore;
}

/** The archived copy of one output (or the part a Range header asks for), or null. */
export async function openArchived(deps: ServeDeps, runId: string, outputId: string, rangeHeader: string | null = null): Promise<ServedOutput | null> {
  const record = await findArchivedOutput(deps.db, runId, outputId);
  if (!record) return null;
  const range = parseRange(rangeHeader, record.bytes);
  const object = await deps.store.get(record.key, range ?? undefined);
  if (!object) return null;
  if (range) return { contentType: record.content_type, length: range.end - range.start + 1, body: object.body as Readable, range: { ...range, size: object.bytes } };
  return { contentType: record.content_type, length: object.bytes, body: object.body as Readable };
}

/**
 * The archived copy when there is one (only the part `rangeHeader` asks for, when it asks
 * for one part), else `openLive` (the hardened fetch of FLORA's URL), always whole.
 */
export async function openArchivedOrLive(
  deps: ServeDeps & { onArchiveError?: (error: unknown) => void },
  runId: string,
  output: RunOutput,
  openLive: (output: RunOutput) => Promise<ServedOutput>,
  rangeHeader: string | null = null,
): Promise<ServedOutput> {
  // An archive that cannot answer (S3 away) must not cost a download FLORA can still serve.
  const archived = await openArchived(deps, runId, output.output_id, rangeHeader).catch((error: unknown) => {
    deps.onArchiveError?.(error);
    return null;
  });
  return archived ?? openLive(output);
}

/** One thumbnail of an archived output, or null when it has none. */
export async function openThumb(deps: ServeDeps, runId: string, outputId: string, size: ThumbSize): Promise<ServedOutput | null> {
  const record = await findArchivedOutput(deps.db, runId, outputId);
  const key = size === "row" ? record?.thumb_row_key : record?.thumb_grid_key;
  if (!key) return null;
  const object = await deps.store.get(key);
  if (!object) return null;
  return { contentType: THUMB_CONTENT_TYPE, length: object.bytes, body: object.body };
}
