import http from "node:http";

/**
 * One request at a time over one kept-alive connection, timed with the high-resolution
 * clock: autocannon's latency histogram counts whole milliseconds, too coarse for a 3 ms
 * goal. Returns latencies in milliseconds.
 */
export async function timeSequential(origin: string, headers: Record<string, string>, paths: string[]): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(origin);
  const latencies: number[] = [];
  for (const path of paths) {
    const started = process.hrtime.bigint();
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.get({ host: url.hostname, port: url.port, path, headers, agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", reject);
    });
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 200) throw new Error(`${origin}${path} answered ${status}`);
  }
  agent.destroy();
  return latencies;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
