import type { ApiError } from "@/lib/errors/api-error";

/** An ApiError as the answer a client gets: FLORA's envelope, never cached. */
export function errorResponse(error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } };
  return Response.json(body, { status: error.status, headers: { "cache-control": "no-store", ...error.headers } });
}
