export interface FieldError {
  field: string;
  message: string;
}

/** Every failure leaves as FLORA's envelope: { error: { code, message, fields? } }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; fields?: FieldError[] } } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (message = "Not found.") => new ApiError(404, "not_found", message);

/** FLORA's message names the first problem ("prompt: Required"); fields lists them all. */
export function validationError(fields: FieldError[]): ApiError {
  const first = fields[0];
  const message = first ? `${first.field}: ${first.message}` : "Invalid input.";
  return new ApiError(400, "input_validation_error", message, fields);
}

/** The body a bare status code gets when a fault names none. */
export function defaultErrorFor(status: number): ApiError {
  const known: Record<number, [string, string]> = {
    400: ["input_validation_error", "Invalid input."],
    401: ["unauthorized", "Invalid API key."],
    402: ["insufficient_credits", "Insufficient credits."],
    403: ["forbidden", "Forbidden."],
    404: ["not_found", "Not found."],
    409: ["idempotency_duplicate", "Duplicate idempotency key."],
    429: ["rate_limited", "Rate limit exceeded."],
    500: ["unknown_error", "An unknown error occurred."],
    502: ["bad_gateway", "Bad gateway."],
    503: ["service_unavailable", "Service unavailable."],
    504: ["gateway_timeout", "Gateway timeout."],
  };
  const [code, message] = known[status] ?? (status >= 500 ? ["unknown_error", "An unknown error occurred."] : ["error", "Error."]);
  return new ApiError(status, code, message);
}
