import { z } from "zod";
import type { User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { UserError } from "@/lib/users/user-error";
import { emailSchema, nameSchema, passwordSchema, roleSchema } from "@/lib/users/users";

/** What the admin API says about a user: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled_at !== null,
    created_at: user.created_at,
    demo: user.is_demo === 1,
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

export const newUserBodySchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema })
  .strict();

export const userChangeBodySchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.disabled !== undefined, "Give a role or disabled.");

export const userIdParamsSchema = z.object({ userId: z.uuid({ error: "is not a user id" }) }).strict();

/** The users rules' refusals, in the API's envelope. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  switch (error.code) {
    case "invalid_email":
    case "invalid_role":
    case "invalid_password":
      return new ApiError("input_validation_error", error.message, [{ field: error.field ?? "body", message: error.message }]);
    case "not_found":
      return new ApiError("not_found", error.message);
    case "duplicate_email":
    case "last_admin":
      return new ApiError("conflict", error.message);
    case "demo_user":
      return new ApiError("forbidden", error.message);
  }
}
