import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "@flora-ai/flora";
import { errorEnvelopeSchema } from "@/lib/flora/schemas";
import { UpstreamInvalidError } from "@/lib/flora/upstream-error";

/** What went wrong with one upstream attempt, in terms the gateway decides on. */
export type UpstreamFailure =
  | { kind: "timeout" }
  | { kind: "connection"; detail: string }
  | { kind: "invalid"; detail: string }
  | {
      kind: "status";
      status: number;
      code: string | null;
      message: string | null;
      fields: Array<{ field: string; message: string }> | undefined;
      retryAfterMs: number | null;
      requestId: string | null;
    };

/** Retry-After in seconds or as an HTTP date, or retry-after-ms; null when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get("retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Classifies anything an SDK call can throw. */
export function classifyFailure(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamInvalidError) return { kind: "invalid", detail: error.message };
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return { kind: "timeout" };
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { kind: "timeout" };
  if (error instanceof APIConnectionError) return { kind: "connection", detail: error.message };
  if (error instanceof APIError && typeof error.status === "number") {
    const envelope = errorEnvelopeSchema.safeParse(error.error);
    return {
      kind: "status",
      status: error.status,
      code: envelope.success ? envelope.data.error.code : null,
      message: envelope.success ? envelope.data.error.message : null,
      fields: envelope.success ? envelope.data.error.fields : undefined,
      retryAfterMs: retryAfterMs(error.headers),
      requestId: error.headers?.get("request-id") ?? null,
    };
  }
  // A body that is not JSON (truncated, HTML from a proxy) surfaces as a SyntaxError.
  if (error instanceof SyntaxError) return { kind: "invalid", detail: error.message };
  if (error instanceof TypeError) return { kind: "connection", detail: error.message };
  return { kind: "invalid", detail: error instanceof Error ? error.message : String(error) };
}

/** Worth another attempt: nothing definite was said (network, timeout, 5xx). */
export function isTransient(failure: UpstreamFailure): boolean {
  return failure.kind === "timeout" || failure.kind === "connection" || (failure.kind === "status" && failure.status >= 500);
}

const IDEMPOTENCY_CODES = new Set(["idempotency_duplicate", "idempotency_conflict"]);

/** FLORA's two documented answers to a reused key (409 duplicate, or 422 conflict). */
export function isIdempotencyRefusal(failure: UpstreamFailure): boolean {
  return failure.kind === "status" && (IDEMPOTENCY_CODES.has(failure.code ?? "") || (failure.status === 409 && failure.code === null));
}
