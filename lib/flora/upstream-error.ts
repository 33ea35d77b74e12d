import type { z } from "zod";

/**
 * FLORA answered, but not with what its contract promises. Carries the zod issues for the
 * server log; callers show the teammate a plain "FLORA sent an answer we could not read".
 */
export class UpstreamInvalidError extends Error {
  constructor(
    readonly what: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`FLORA's answer to ${what} did not match its documented shape.`);
    this.name = "UpstreamInvalidError";
  }
}

/** Validates an upstream answer, turning a mismatch into an UpstreamInvalidError. */
export function parseUpstream<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what: string,
): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) throw new UpstreamInvalidError(what, result.error.issues);
  return result.data;
}
