import { crc32 } from "node:zlib";

/**
 * A streaming ZIP writer (stored, no compression: media is compressed already). Each entry
 * is written as it arrives, with its CRC and sizes in a data descriptor after the bytes, so
 * a large video never has to sit in memory. No ZIP64: the archive must stay under 4 GiB,
 * which `MAX_ZIP_BYTES` keeps well inside.
 */

export const MAX_ZIP_BYTES = 2 ** 31;

export interface ZipEntry {
  /** Path inside the archive; forward slashes, no leading slash. */
  name: string;
  modifiedAt: Date;
  bytes: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = (1 << 3) | (1 << 11);
const VERSION = 20;

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
}

function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function localHeader(name: Buffer, dosTime: number, dosDate: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(FLAGS, 6);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  // CRC and sizes are zero here and given in the data descriptor.
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function dataDescriptor(crc: number, size: number): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
  descriptor.writeUInt32LE(crc, 4);
  descriptor.writeUInt32LE(size, 8);
  descriptor.writeUInt32LE(size, 12);
  return descriptor;
}

function centralHeader(entry: Written): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(FLAGS, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(entry.dosTime, 12);
  header.writeUInt16LE(entry.dosDate, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.size, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

export class ZipTooLargeError extends Error {
  constructor() {
    super(`The archive would pass ${MAX_ZIP_BYTES} bytes.`);
    this.name = "ZipTooLargeError";
  }
}

export async function* zipStream(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  const names = new Set<string>();
  for await (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`Duplicate entry name in zip: ${entry.name}`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, "utf8");
    const { dosTime, dosDate } = dosDateTime(entry.modifiedAt);
    const header = localHeader(name, dosTime, dosDate);
    const record: Written = { name, crc: 0, size: 0, offset, dosTime, dosDate };
    yield header;
    offset += header.length;
    for await (const chunk of await entry.bytes()) {
      record.size += chunk.length;
      offset += chunk.length;
      if (offset > MAX_ZIP_BYTES) throw new ZipTooLargeError();
      record.crc = crc32(chunk, record.crc);
      yield chunk;
    }
    const descriptor = dataDescriptor(record.crc, record.size);
    yield descriptor;
    offset += descriptor.length;
    written.push(record);
  }
  const central = Buffer.concat(written.map(centralHeader));
  yield central;
  yield endOfCentralDirectory(written.length, central.length, offset);
}
