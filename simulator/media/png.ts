import { deflateSync } from "node:zlib";
import { hash32 } from "../seed/prng";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A gradient with rings or stripes whose colours and pattern derive from the key
 * (run id + output index), so every output looks different yet stays stable.
 */
export function renderPng(key: string, size: number): Buffer {
  const h = hash32(key);
  const from = hslToRgb(h % 360, 0.65, 0.55);
  const to = hslToRgb((h % 360 + 90 + ((h >>> 9) % 180)) % 360, 0.7, 0.35);
  const pattern = (h >>> 17) % 3;
  const period = 6 + ((h >>> 20) % 10);
  const raw = Buffer.alloc((size * 3 + 1) * size);
  let offset = 0;
  for (let y = 0; y < size; y++) {
    raw[offset++] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * (size - 1));
      const dx = x - size / 2;
      const dy = y - size / 2;
      const band = pattern === 0 ? Math.hypot(dx, dy) : pattern === 1 ? x + 2 * y : x * y / size;
      const shade = Math.floor((band * 16) / size / (period / 8)) % 2 === 0 ? 1 : 0.82;
      for (let c = 0; c < 3; c++) raw[offset++] = Math.round(((from[c] ?? 0) * (1 - t) + (to[c] ?? 0) * t) * shade);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
