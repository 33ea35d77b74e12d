import { ApiError } from "@/lib/errors/api-error";
import type { UpstreamFailure } from "@/lib/flora/upstream-failure";

/** FLORA's sample waits this long when a 429 carries no Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;

/**
 * The one table from an upstream failure to what the teammate's client gets. Upstream
 * messages are passed on only where they describe the client's own input (validation);
 * everything else is said in our words, and the details go to the server log.
 */
export function toGatewayError(failure: UpstreamFailure): ApiError {
  switch (failure.kind) {
    case "timeout":
      return new ApiError("upstream_timeout", "FLORA did not answer in time. Try again in a moment.");
    case "connection":
      return new ApiError("upstream_error", "FLORA could not be reached. Try again in a moment.");
    case "invalid":
      return new ApiError("upstream_invalid", "FLORA sent an answer the dashboard could not read.");
    case "status":
      return fromStatus(failure);
  }
}

function fromStatus(failure: Extract<UpstreamFailure, { kind: "status" }>): ApiError {
  const code = failure.code ?? "";
  if (failure.status === 401 || failure.status === 403 || code === "unauthorized" || code === "forbidden" || code === "invalid_api_key") {
    // Our own key was refused: the teammate's session is fine, the server's setup is not.
    return new ApiError(
      "gateway_misconfigured",
      "FLORA refused the dashboard's API key. An admin needs to check the server's FLORA_API_KEY.",
    );
  }
  if (failure.status === 429 || code === "rate_limited") {
    const seconds = Math.max(1, Math.ceil((failure.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) / 1000));
    return new ApiError("rate_limited", `FLORA is rate limiting the team's key. Try again in ${seconds} s.`, undefined, {
      "retry-after": String(seconds),
    });
  }
  if (failure.status === 402 || code === "insufficient_credits") {
    return new ApiError("insufficient_credits", "The team's FLORA credits have run out. An admin can top them up in FLORA.");
  }
  if (failure.status === 404 || code === "not_found") return new ApiError("not_found", "FLORA has no such item.");
  if (code === "idempotency_duplicate" || code === "idempotency_conflict") {
    return new ApiError("idempotency_duplicate", "This launch was already sent with the same idempotency key.");
  }
  if (failure.status === 400 || failure.status === 422 || code === "input_validation_error" || code === "invalid_json") {
    return new ApiError(
      "input_validation_error",
      failure.message ?? "FLORA refused the request's input.",
      failure.fields?.map((field) => ({ field: field.field, message: field.message })),
    );
  }
  if (failure.status >= 500) return new ApiError("upstream_error", "FLORA is having trouble. Try again in a moment.");
  return new ApiError("upstream_error", `FLORA answered with an unexpected status (${failure.status}).`);
}
