/** A simulator request-log entry for the benchmarks' unit tests: by default a 200 `GET /api/v1/runs/{runId}`. */
import type { LoggedRequest } from "./upstream";

export const loggedRead = (runId: string, time: number, overrides: Partial<LoggedRequest> = {}): LoggedRequest => ({
  method: "GET",
  request_id: `req_${runId}_${time}`,
  path: `/api/v1/runs/${runId}`,
  idempotency_key: null,
  time,
  status: 200,
  fault: null,
  ...overrides,
});
