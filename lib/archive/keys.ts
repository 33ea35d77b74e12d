import { z } from "zod";
import { runIdSchema } from "@/lib/flora/request-schemas";

/**
 * Where an archived file lives, as a key both backends understand: `runs/<run id>/<output
 * id>` for the output and `.row.webp` / `.grid.webp` beside it for its thumbnails. Keys
 * are built only from ids checked here, never from a URL or a request's path, and a
 * segment can never be "." or ".." (it may not start with a dot), so no key leaves the
 * archive's folder or bucket prefix.
 */

/** FLORA's output ids: letters, digits and `_.:-`, not starting with a dot. */
export const outputIdSchema = z
  .string()
  .min(1)
  .max(200, "is too long")
  .regex(/^[A-Za-z0-9_:-][A-Za-z0-9_.:-]*$/, "is not an output id");

export const THUMB_SIZES = ["row", "grid"] as const;
export type ThumbSize = (typeof THUMB_SIZES)[number];

/** Longest edge of each thumbnail, in pixels: a 56 px row at 2x, and a grid tile at 2x. */
export const THUMB_PIXELS: Record<ThumbSize, number> = { row: 112, grid: 512 };

/** A key as the stores accept it: the only shapes outputKey and thumbKey make. */
export const archiveKeySchema = z
  .string()
  .max(300)
  .regex(/^runs\/run_[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_:-][A-Za-z0-9_.:-]*$/, "is not an archive key");

export function outputKey(runId: string, outputId: string): string {
  return archiveKeySchema.parse(`runs/${runIdSchema.parse(runId)}/${outputIdSchema.parse(outputId)}`);
}

export function thumbKey(runId: string, outputId: string, size: ThumbSize): string {
  return archiveKeySchema.parse(`${outputKey(runId, outputId)}.${size}.webp`);
}
