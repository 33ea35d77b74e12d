import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { canThumbnail, makeThumbnails } from "@/lib/archive/thumbnails";

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#3366cc" } }).png().toBuffer();

describe("archive thumbnails", () => {
  it("makes WebP at the row size (112 px) and the grid size (512 px), keeping the aspect", async () => {
    const thumbs = await makeThumbnails(await png(1600, 1200));
    expect(thumbs).not.toBeNull();
    const row = await sharp(thumbs!.row).metadata();
    const grid = await sharp(thumbs!.grid).metadata();
    expect([row.format, row.width, row.height]).toEqual(["webp", 112, 84]);
    expect([grid.format, grid.width, grid.height]).toEqual(["webp", 512, 384]);
    // A row thumbnail is a small fraction of the image it stands for.
    expect(thumbs!.row.length).toBeLessThan(2_000);
  });

  it("never enlarges a small image", async () => {
    const thumbs = await makeThumbnails(await png(256, 128));
    expect((await sharp(thumbs!.grid).metadata()).width).toBe(256);
    expect((await sharp(thumbs!.row).metadata()).width).toBe(112);
  });

  it("gives no thumbnails for bytes that are not an image", async () => {
    expect(await makeThumbnails(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
  });

  it("only tries the image types a download keeps", () => {
    expect(canThumbnail("image/png")).toBe(true);
    expect(canThumbnail("video/webm")).toBe(false);
    expect(canThumbnail("application/octet-stream")).toBe(false);
  });
});
