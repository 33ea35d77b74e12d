import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZipFile } from "yazl";

/**
 * A streaming ZIP archive, written by yazl: entries are stored (no compression: media is
 * compressed already) and each body is piped through as it arrives, with its CRC and sizes
 * in a data descriptor after the bytes, so a large video never sits in memory. The next
 * entry is asked for only once the previous body has been read, so one output is fetched at
 * a time. yazl switches to ZIP64 where an entry or the archive passes 4 GiB, so there is no
 * archive size cap here (each output is still capped by OUTPUT_MAX_BYTES when fetched).
 */

export interface ZipEntry {
  /** Path inside the archive; forward slashes, no leading slash. */
  name: string;
  modifiedAt: Date;
  bytes: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

export async function* zipStream(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  const stopped = new AbortController();
  // Any failure (an entry that throws, a body that breaks, yazl refusing a name) ends the
  // output with that error, which the loop below rethrows to the caller.
  zip.on("error", (error: unknown) => output.destroy(asError(error)));
  void addEntries(zip, entries, stopped.signal).catch((error: unknown) => output.destroy(asError(error)));
  try {
    for await (const chunk of output) yield chunk as Uint8Array;
  } finally {
    // The reader left early (or it failed): stop reading bodies and asking for entries.
    stopped.abort();
  }
}

async function addEntries(zip: ZipFile, entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>, stopped: AbortSignal) {
  const names = new Set<string>();
  for await (const entry of entries) {
    if (stopped.aborted) return discard(entry);
    if (names.has(entry.name)) throw new Error(`Duplicate entry name in zip: ${entry.name}`);
    names.add(entry.name);
    const body = Readable.from(await entry.bytes(), { objectMode: false });
    const cancel = () => body.destroy();
    stopped.addEventListener("abort", cancel, { once: true });
    try {
      // Throws at once on a name yazl refuses (absolute, "..", too long): the body goes too.
      zip.addReadStream(body, entry.name, { mtime: entry.modifiedAt, compress: false });
      await finished(body);
    } catch (error) {
      body.destroy();
      throw error;
    } finally {
      stopped.removeEventListener("abort", cancel);
    }
  }
  if (!stopped.aborted) zip.end();
}

/** An entry opened just as the reader left: release its body (an upstream connection). */
async function discard(entry: ZipEntry) {
  const body = await entry.bytes();
  if (Symbol.asyncIterator in body) await body[Symbol.asyncIterator]().return?.();
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
