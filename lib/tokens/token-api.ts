import { z } from "zod";
import { ROLES } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { TokenError } from "@/lib/tokens/token-error";
import { tokenNameSchema } from "@/lib/tokens/token-store";

/** POST /api/account/tokens: the page offers 7, 30 or 90 days, or none (null). */
export const newTokenBodySchema = z
  .object({
    name: tokenNameSchema,
    expires_in_days: z.union([z.literal(7), z.literal(30), z.literal(90), z.null()], { error: "must be 7, 30, 90 or null" }),
    role: z.enum(ROLES, { error: "must be viewer, member or admin" }),
  })
  .strict();

export const tokenIdParamsSchema = z.object({ tokenId: z.uuid({ error: "is not a token id" }) }).strict();

/** The token rules' refusals, in the API's envelope. */
export function tokenApiError(error: unknown): unknown {
  if (!(error instanceof TokenError)) return error;
  const fields = error.field ? [{ field: error.field, message: error.message }] : undefined;
  switch (error.code) {
    case "invalid_input":
      return new ApiError("input_validation_error", error.message, fields);
    case "role_too_high":
    case "owner_disabled":
    case "forbidden":
      return new ApiError("forbidden", error.message, fields);
    case "not_found":
      return new ApiError("not_found", error.message);
  }
}
