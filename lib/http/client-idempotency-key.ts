import { ApiError } from "@/lib/errors/api-error";
import { idempotencyKeySchema } from "@/lib/flora/request-schemas";

/** The client's Idempotency-Key header, if any, checked like every other input. */
export function clientIdempotencyKey(request: Request): string | undefined {
  const value = request.headers.get("idempotency-key");
  if (value === null) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is not valid";
    throw new ApiError("input_validation_error", `Idempotency-Key: ${message}`, [{ field: "Idempotency-Key", message }]);
  }
  return parsed.data;
}
