/**
 * The production server: Next's request handler behind a plain Node HTTP server, so that
 * polls of a run already in memory are answered before Next's routing (see
 * lib/gateway/fast-path.ts). Everything else is Next as `next start` would serve it.
 *
 *   node --import tsx scripts/serve.ts --port 3000 --hostname 127.0.0.1
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { parseEnv } from "../lib/env-schema";
import { answerFromMemory } from "../lib/gateway/fast-path";
import { resolveClientAddress } from "../lib/http/forwarded-for";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main() {
  const port = Number(option("port", "3000"));
  const hostname = option("hostname", "0.0.0.0");
  const { TRUSTED_PROXY_HOPS } = parseEnv(process.env);
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer(async (request, response) => {
    // The one place the client's address is decided: a client-written X-Forwarded-For never
    // reaches Next (which would keep it), and X-Real-IP is dropped for the same reason.
    request.headers["x-forwarded-for"] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], TRUSTED_PROXY_HOPS);
    delete request.headers["x-real-ip"];
    try {
      if (await answerFromMemory(request, response)) return;
      await handle(request, response);
    } catch (error: unknown) {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 5_000;
  server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
