import sharp from "sharp";
import { THUMB_PIXELS, THUMB_SIZES, type ThumbSize } from "@/lib/archive/keys";

/**
 * The history's thumbnails, made once at archive time: WebP whose longest edge is the row's
 * (112 px: a 56 px row at 2x) or the grid's (512 px). Never enlarged. Only images: a video's
 * poster frame would need a video decoder (ffmpeg), which is not worth a dependency here, so
 * videos keep today's preview. An input over sharp's pixel limit, or one it cannot read,
 * gets no thumbnails (null) rather than failing the archive.
 */

export const THUMB_CONTENT_TYPE = "image/webp";

/** Image types sharp reads; a download's allowlisted types (lib/runs/output-files.ts) only. */
const THUMBNAILABLE = new Set(["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"]);

export const canThumbnail = (contentType: string) => THUMBNAILABLE.has(contentType);

export async function makeThumbnails(input: string | Buffer): Promise<Record<ThumbSize, Buffer> | null> {
  try {
    const entries = await Promise.all(
      THUMB_SIZES.map(async (size) => {
        const px = THUMB_PIXELS[size];
        // rotate(): honour EXIF orientation before the metadata is dropped.
        const bytes = await sharp(input, { animated: false }).rotate().resize({ width: px, height: px, fit: "inside", withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
        return [size, bytes] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<ThumbSize, Buffer>;
  } catch {
    return null;
  }
}
