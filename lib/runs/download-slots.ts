/**
 * How many output downloads one user may have running at once. Each holds a connection to
 * a media host and a response stream for minutes, so the limit is on concurrency, not on a
 * rate. The counts live in this process's memory, which is where the streams they count
 * live too: another instance has its own streams and its own counts.
 */

export const MAX_CONCURRENT_DOWNLOADS_PER_USER = 3;
/** What a refused download is told to wait before it tries again. */
export const DOWNLOAD_RETRY_AFTER_SECONDS = 5;

export class ConcurrencySlots {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** A release function (calling it twice releases once), or null when no slot is free. */
  tryAcquire(key: string): (() => void) | null {
    const held = this.counts.get(key) ?? 0;
    if (held >= this.limit) return null;
    this.counts.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      // Zero entries are deleted, so the map holds only users downloading right now.
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  held(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

export const downloadSlots = new ConcurrencySlots(MAX_CONCURRENT_DOWNLOADS_PER_USER);

/**
 * A response body that calls `release` once, when it ends, fails or is cancelled (the
 * client went away: Next cancels the body stream it was piping).
 */
export function streamReleasing(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          release();
          controller.close();
        } else {
          controller.enqueue(next.value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await iterator.return?.(reason);
    },
  });
}
