import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  rawBody: string;
  headers: IncomingHttpHeaders;
}

/** A tiny loopback server that records webhook deliveries; answers `statuses` in turn, then 200. */
export async function startReceiver(statuses: number[] = []) {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ rawBody: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/flora`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
