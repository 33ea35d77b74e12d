import type { ByteRange } from "@/lib/archive/store";

/**
 * One byte range from a Range header (`bytes=0-99`, `bytes=100-`, `bytes=-500`), within an
 * object of `size` bytes, so an archived video can seek. Anything else (several ranges, a
 * range past the end, another unit) is null: the whole object is served, as RFC 9110
 * allows a server to do.
 */
export function parseRange(header: string | null, size: number): ByteRange | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || size === 0 || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start <= end && start < size ? { start, end } : null;
}
