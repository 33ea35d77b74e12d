import type { Server } from "node:http";

export interface ShutdownOptions {
  /** How long requests in flight may take to finish before their sockets are closed. */
  drainMs: number;
  /** Run one after another once the server is closed (Next's clean-up, the store). */
  afterClose?: Array<() => Promise<unknown>>;
  /** How long each clean-up may take before the next one runs anyway. */
  cleanUpMs?: number;
  /** How often keep-alive sockets that went idle are closed while requests drain. */
  idleSweepMs?: number;
  log?: (message: string) => void;
}

export interface ShutdownResult {
  /** True when requests were still running at the deadline and their sockets were closed. */
  forced: boolean;
}

function settleWithin(work: Promise<unknown>, ms: number): Promise<"done" | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), ms)));
  return Promise.race([work.then(() => "done" as const), late]).finally(() => clearTimeout(timer));
}

/**
 * Stops an HTTP server without losing the requests it is answering: no new connection is
 * accepted, requests in flight finish (a launch that reached FLORA gets its answer
 * recorded), idle keep-alive sockets are closed at once and as they go idle, and whatever
 * is still open at the deadline is cut. Then the clean-ups run, each on its own: one that
 * fails or hangs does not keep the next from running. A server not created yet (a signal
 * during start-up) has nothing to drain; the clean-ups still run.
 */
export async function shutDownServer(server: Server | undefined, options: ShutdownOptions): Promise<ShutdownResult> {
  const log = options.log ?? (() => undefined);
  const forced = server ? await drain(server, options, log) : false;
  for (const cleanUp of options.afterClose ?? []) {
    try {
      const outcome = await settleWithin(cleanUp(), options.cleanUpMs ?? 1_000);
      if (outcome === "late") log(`a clean-up did not finish within ${options.cleanUpMs ?? 1_000} ms; going on`);
    } catch (error: unknown) {
      log(`a clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { forced };
}

async function drain(server: Server, options: ShutdownOptions, log: (message: string) => void): Promise<boolean> {
  // A request that arrives on a socket opened before the stop is still answered, but that
  // socket is not kept for another one.
  const closeAfterAnswer = (_request: unknown, response: { setHeader(name: string, value: string): unknown }) => {
    response.setHeader("connection", "close");
  };
  server.prependListener("request", closeAfterAnswer);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive socket whose response finishes after close() would otherwise stay open
  // until its keep-alive timeout, holding close() open with it.
  const sweep = setInterval(() => server.closeIdleConnections(), options.idleSweepMs ?? 100);
  const outcome = await settleWithin(closed, options.drainMs);
  clearInterval(sweep);
  if (outcome === "late") {
    log(`requests still running after ${options.drainMs} ms: closing their connections`);
    server.closeAllConnections();
    await closed;
  }
  server.removeListener("request", closeAfterAnswer);
  return outcome === "late";
}
