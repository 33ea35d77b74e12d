import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import { outputKey, thumbKey } from "@/lib/archive/keys";
import { findArchivedOutput, recordArchivedOutput } from "@/lib/archive/records";
import type { ArchiveStore } from "@/lib/archive/store";
import { canThumbnail, makeThumbnails, THUMB_CONTENT_TYPE } from "@/lib/archive/thumbnails";
import type { Database } from "@/lib/db/schema";
import type { RunOutput } from "@/lib/flora/schemas";

/** What an archive copy of an output was opened with: lib/runs/output-download.ts's openOutput. */
export type OpenOutput = (output: RunOutput) => Promise<{ contentType: string; body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> }>;

export interface ArchiveDeps {
  db: Kysely<Database>;
  store: ArchiveStore;
  /** Fetches the output: the hardened fetcher's address checks and OUTPUT_MAX_BYTES apply there. */
  open: OpenOutput;
  now?: () => number;
}

/**
 * Copies one output into the archive, with its thumbnails, and records it. An output
 * already recorded is skipped (idempotent). The body is spooled to a temporary file first:
 * S3 needs the length before the upload, and sharp reads the file for the thumbnails. A
 * text output (no URL) is stored as its text, since openOutput answers it with the text.
 */
export async function archiveOutput(deps: ArchiveDeps, runId: string, output: RunOutput): Promise<"archived" | "skipped"> {
  if (await findArchivedOutput(deps.db, runId, output.output_id)) return "skipped";
  const key = outputKey(runId, output.output_id);
  const opened = await deps.open(output);
  const spool = path.join(os.tmpdir(), `atelier-archive-${randomBytes(8).toString("hex")}`);
  try {
    await pipeline(Readable.from(opened.body), createWriteStream(spool));
    const stored = await deps.store.put(key, createReadStream(spool), { contentType: opened.contentType, bytes: (await stat(spool)).size });
    const thumbs = canThumbnail(opened.contentType) ? await makeThumbnails(spool) : null;
    let thumbRowKey: string | null = null;
    let thumbGridKey: string | null = null;
    if (thumbs) {
      thumbRowKey = thumbKey(runId, output.output_id, "row");
      thumbGridKey = thumbKey(runId, output.output_id, "grid");
      await deps.store.put(thumbRowKey, thumbs.row, { contentType: THUMB_CONTENT_TYPE });
      await deps.store.put(thumbGridKey, thumbs.grid, { contentType: THUMB_CONTENT_TYPE });
    }
    // Recorded last: a record always points at files that are all there.
    await recordArchivedOutput(deps.db, {
      run_id: runId,
      output_id: output.output_id,
      key,
      bytes: stored.bytes,
      content_type: opened.contentType,
      thumb_row_key: thumbRowKey,
      thumb_grid_key: thumbGridKey,
      archived_at: (deps.now ?? Date.now)(),
    });
    return "archived";
  } finally {
    await rm(spool, { force: true });
  }
}

