/**
 * The dashboard's errors, in FLORA's envelope: `{ error: { code, message, fields? } }`.
 * Each code has one status, here, so a handler names what went wrong and never a number.
 */
export const ERROR_STATUS = {
  input_validation_error: 400,
  invalid_json: 400,
  unauthorized: 401,
  insufficient_credits: 402,
  /** A launch would go over a monthly budget cap (yours or the team's): nothing went upstream. */
  budget_exceeded: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  upstream_invalid: 502,
  upstream_error: 502,
  /** FLORA may have started the run, but its answer was lost and the run not yet found. */
  launch_unconfirmed: 502,
  gateway_misconfigured: 503,
  /** What a launch must be checked against could not be read: nothing went upstream. */
  service_unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
