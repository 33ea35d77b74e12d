/**
 * The production server: Next's request handler behind a plain Node HTTP server, so that
 * polls of a run already in memory are answered before Next's routing (see
 * lib/http/fast-path.ts). Everything else is Next as `next start` would serve it.
 *
 *   node --import tsx scripts/serve.ts --port 3000 --hostname 127.0.0.1
 *
 * On SIGINT or SIGTERM it stops taking connections, lets the requests in flight finish
 * (at most STOP_BUDGET.drainMs), closes the store and exits, all within 10 s.
 */
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { closeStore } from "../lib/db/store";
import { parseEnv } from "../lib/env-schema";
import { answerFromMemory } from "../lib/http/fast-path";
import { endEventStreams } from "../lib/live/open-streams";
import { resolveClientAddress } from "../lib/http/forwarded-for";
import { KEEP_ALIVE_TIMEOUT_MS } from "./lib/keep-alive";
import { shutDownServer } from "./lib/server-shutdown";
import { STOP_BUDGET } from "./lib/stop-budget";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `--port` and `--hostname`; anything else stops the server before it starts. */
const { values: options } = parseArgs({
  options: { port: { type: "string", default: "3000" }, hostname: { type: "string", default: "0.0.0.0" } },
});

// Set once the server exists; a signal before that (while Next prepares) has nothing to drain.
let server: Server | undefined;
let app: ReturnType<typeof next> | undefined;
let stopping = false;

async function stop(signal: NodeJS.Signals) {
  // The start script forwards a terminal's Ctrl-C that this process also got: stop once.
  if (stopping) return;
  stopping = true;
  const startedAt = Date.now();
  // Whatever hangs below, the process is gone before the 10 s a supervisor allows.
  setTimeout(() => process.exit(1), STOP_BUDGET.serverExitMs).unref();
  console.log(`${signal}: finishing the requests in flight, then stopping…`);
  // Event streams never finish by themselves: end them now, and their tabs reconnect elsewhere.
  const streams = endEventStreams();
  if (streams > 0) console.log(`Ended ${streams} event stream${streams === 1 ? "" : "s"}.`);
  // Next's close waits for work scheduled with after(); then nothing can use the store.
  const afterClose = [async () => app?.close(), closeStore];
  const log = (message: string) => console.error(message);
  const { forced } = await shutDownServer(server, { drainMs: STOP_BUDGET.drainMs, cleanUpMs: STOP_BUDGET.cleanUpMs, afterClose, log });
  console.log(`Server stopped in ${Date.now() - startedAt} ms${forced ? " (requests still running were cut off)" : ""}.`);
  process.exit(0);
}

process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));

async function main() {
  const port = Number(options.port);
  const hostname = options.hostname;
  const { TRUSTED_PROXY_HOPS } = parseEnv(process.env);
  app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  if (stopping) return;

  server = createServer(async (request, response) => {
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
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
