import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";

/**
 * One-line JSON logs for the server, written by pino: easy to grep, easy to ship. debug and
 * info go to stdout, warn and error to stderr. A line reads
 * `{"level":"info","time":"…ISO…",…details,"message":"…"}`, plus `reqId` inside a request
 * wrapped in `withRequestId`.
 */

type Details = Record<string, unknown>;

/** Keys a line owns; a detail of the same name is dropped, so it cannot pass for ours. */
const OWN_KEYS = new Set(["level", "time", "message", "reqId"]);

const requestIds = new AsyncLocalStorage<string>();

/**
 * Replaces the FLORA key wherever it appears in the finished line (any value, any depth, the
 * message, a stack), so no log line at any level can carry it. pino's `redact` works by
 * path and cannot promise that.
 */
function redacting(write: (line: string) => unknown, key: string | undefined) {
  return { write: (line: string) => write(key ? line.split(key).join("[redacted]") : line) };
}

function createLogger(): Logger {
  const env = getEnv();
  const key = env.FLORA_API_KEY;
  const streams = pino.multistream(
    [
      // Looked up on every line, so the process's current stdout/stderr is the one written.
      { level: "debug", stream: redacting((line) => process.stdout.write(line), key) },
      { level: "warn", stream: redacting((line) => process.stderr.write(line), key) },
    ],
    // Each line to the one stream of the highest level it reaches: warn and error only to stderr.
    { dedupe: true },
  );
  return pino(
    {
      level: env.LOG_LEVEL,
      base: null,
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (details) => {
          const own: Details = {};
          for (const [name, value] of Object.entries(details)) if (!OWN_KEYS.has(name)) own[name] = value;
          const reqId = requestIds.getStore();
          return reqId ? { ...own, reqId } : own;
        },
      },
    },
    streams,
  );
}

let logger: Logger | undefined;

/** Built on first use, so importing this module never reads the environment (the build has none). */
function current(): Logger {
  logger ??= createLogger();
  return logger;
}

export const log = {
  debug: (message: string, details?: Details) => current().debug(details ?? {}, message),
  info: (message: string, details?: Details) => current().info(details ?? {}, message),
  warn: (message: string, details?: Details) => current().warn(details ?? {}, message),
  error: (message: string, details?: Details) => current().error(details ?? {}, message),
};

/**
 * Runs `handle` with every line it logs (through `log`, however deep) carrying
 * `reqId`, so one request's lines can be found together. Meant for the route wrapper:
 * `return withRequestId(() => handler(...))`.
 */
export function withRequestId<T>(handle: () => T, requestId: string = randomUUID()): T {
  return requestIds.run(requestId, handle);
}

/** A loggable summary of any thrown value (SDK errors carry status and request id). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const withStatus = error as Error & { status?: number; headers?: Headers; issues?: unknown };
    return {
      name: error.name,
      error: error.message,
      // Every 500 logs where it came from; the stack never leaves the server.
      stack: error.stack,
      status: withStatus.status,
      requestId: withStatus.headers?.get?.("request-id") ?? undefined,
      issues: withStatus.issues,
    };
  }
  return { error: String(error) };
}
