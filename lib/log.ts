import "server-only";
import { getEnv } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Replaces the FLORA key wherever it appears, so no log line at any level can carry it. */
function redact(text: string): string {
  const key = getEnv().FLORA_API_KEY;
  return key ? text.split(key).join("[redacted]") : text;
}

function write(level: Level, message: string, details?: Record<string, unknown>) {
  const env = getEnv();
  if (ORDER[level] < ORDER[env.LOG_LEVEL]) return;
  // Our fields last, so a detail named "message" or "level" cannot overwrite them.
  const line = redact(JSON.stringify({ ...details, time: new Date().toISOString(), level, message }));
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/** One-line JSON logs for the server: easy to grep, easy to ship. */
export const log = {
  debug: (message: string, details?: Record<string, unknown>) => write("debug", message, details),
  info: (message: string, details?: Record<string, unknown>) => write("info", message, details),
  warn: (message: string, details?: Record<string, unknown>) => write("warn", message, details),
  error: (message: string, details?: Record<string, unknown>) => write("error", message, details),
};

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
