/**
 * The server's memory after a full garbage collection (bench/lib/inspector.ts, as
 * bench:load measures it): RSS from /proc and the JS heap in use, so that what is compared
 * is memory the server holds, not garbage V8 has not collected yet.
 */
import fs from "node:fs";
import type { Inspector } from "../lib/inspector";

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
}

export function rssMb(pid: number): number {
  const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!rss) throw new Error(`no VmRSS for process ${pid}`);
  return Number(rss[1]) / 1024;
}

export async function afterFullGc(inspector: Inspector, pid: number): Promise<MemorySample> {
  const { heapUsedMb } = await inspector.collectGarbage();
  return { rssMb: rssMb(pid), heapUsedMb };
}

/** What each open stream costs: the difference between two samples over the streams, in kB. */
export function perStreamKb(without: MemorySample, withStreams: MemorySample, streams: number) {
  return {
    rssKb: ((withStreams.rssMb - without.rssMb) * 1024) / streams,
    heapKb: ((withStreams.heapUsedMb - without.heapUsedMb) * 1024) / streams,
  };
}
