import { describe, expect, it } from "vitest";
import { toGatewayError } from "@/lib/flora/upstream-error-table";
import type { UpstreamFailure } from "@/lib/flora/upstream-failure";

const status = (code: number, errorCode: string | null, extra: Partial<Extract<UpstreamFailure, { kind: "status" }>> = {}): UpstreamFailure => ({
  kind: "status",
  status: code,
  code: errorCode,
  message: "upstream words",
  fields: undefined,
  retryAfterMs: null,
  requestId: "req_1",
  ...extra,
});

describe("the upstream error table", () => {
  it.each([
    [status(401, "unauthorized"), 503, "gateway_misconfigured"],
    [status(401, "invalid_api_key"), 503, "gateway_misconfigured"],
    [status(403, "forbidden"), 503, "gateway_misconfigured"],
    [status(402, "insufficient_credits"), 402, "insufficient_credits"],
    [status(404, "not_found"), 404, "not_found"],
    [status(409, "idempotency_duplicate"), 409, "idempotency_duplicate"],
    [status(422, "idempotency_conflict"), 409, "idempotency_duplicate"],
    [status(400, "input_validation_error"), 400, "input_validation_error"],
    [status(400, "invalid_json"), 400, "input_validation_error"],
    [status(500, "unknown_error"), 502, "upstream_error"],
    [status(503, "service_unavailable"), 502, "upstream_error"],
    [status(418, null), 502, "upstream_error"],
    [{ kind: "timeout" }, 504, "upstream_timeout"],
    [{ kind: "connection", detail: "ECONNRESET" }, 502, "upstream_error"],
    [{ kind: "invalid", detail: "bad shape" }, 502, "upstream_invalid"],
  ] as Array<[UpstreamFailure, number, string]>)("maps %j to %d %s", (failure, expectedStatus, expectedCode) => {
    const error = toGatewayError(failure);
    expect(error.status).toBe(expectedStatus);
    expect(error.code).toBe(expectedCode);
  });

  it("passes a validation error's fields on, since they describe the client's own input", () => {
    const error = toGatewayError(status(400, "input_validation_error", { message: "params.steps: too big", fields: [{ field: "params.steps", message: "too big" }] }));
    expect(error.message).toBe("params.steps: too big");
    expect(error.fields).toEqual([{ field: "params.steps", message: "too big" }]);
  });

  it("keeps upstream words out of every other answer", () => {
    for (const code of [401, 402, 404, 500]) {
      expect(toGatewayError(status(code, null)).message).not.toContain("upstream words");
    }
  });

  it("gives 429 a Retry-After in whole seconds", () => {
    expect(toGatewayError(status(429, "rate_limited", { retryAfterMs: 1_200 })).headers).toEqual({ "retry-after": "2" });
    expect(toGatewayError(status(429, null)).headers).toEqual({ "retry-after": "5" });
  });
});
