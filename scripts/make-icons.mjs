// Draws the app's icons into public/: a white "A" on the accent colour (tailwind.config.ts),
// as PNGs and a favicon.ico that wraps 16 and 32 px PNGs. Plain Node (zlib), no image tools:
// `node scripts/make-icons.mjs` writes the same bytes every time.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "public");
const ACCENT = [0x43, 0x38, 0xca];
const WHITE = [0xff, 0xff, 0xff];
// Each pixel is sampled SAMPLES × SAMPLES times, so the edges are smooth.
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from (x, y) to the segment a–b. */
function toSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

// The mark, on a unit square: two legs meeting at the top and a crossbar.
const APEX = [0.5, 0.2];
const STROKES = [
  [APEX, [0.25, 0.8]],
  [APEX, [0.75, 0.8]],
  [[0.35, 0.6], [0.65, 0.6]],
];
const STROKE_WIDTH = 0.12;

const inMark = (x, y) => STROKES.some(([a, b]) => toSegment(x, y, a, b) < STROKE_WIDTH / 2);

/** Inside a square with corners rounded by `radius` (0 for a plain square). */
function inTile(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function draw(size, cornerRadius) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inTile(x, y, cornerRadius)) continue;
          tile += 1;
          if (inMark(x, y)) mark += 1;
        }
      }
      const offset = (py * size + px) * 4;
      const share = tile === 0 ? 0 : mark / tile;
      for (let channel = 0; channel < 3; channel += 1) {
        rgba[offset + channel] = Math.round(ACCENT[channel] * (1 - share) + WHITE[channel] * share);
      }
      rgba[offset + 3] = Math.round((255 * tile) / (SAMPLES * SAMPLES));
    }
  }
  return png(size, rgba);
}

/** An ICO file whose images are PNGs (every browser since 2007 reads them). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ data }) => data)]);
}

const ROUNDED = 0.2;
writeFileSync(path.join(PUBLIC, "favicon.ico"), ico([16, 32].map((size) => ({ size, data: draw(size, ROUNDED) }))));
writeFileSync(path.join(PUBLIC, "icon-192.png"), draw(192, ROUNDED));
writeFileSync(path.join(PUBLIC, "icon-512.png"), draw(512, ROUNDED));
// iOS rounds the corners itself and shows transparency as black: a plain, opaque square.
writeFileSync(path.join(PUBLIC, "apple-touch-icon.png"), draw(180, 0));
