import { z } from "zod";
import { passwordSchema } from "@/lib/users/users";

/** POST /api/account/password: the current password proves it is you, not just your cookie. */
export const passwordChangeBodySchema = z
  .object({
    current_password: z.string().min(1, "is required").max(1_024),
    new_password: passwordSchema,
  })
  .strict()
  .refine((body) => body.current_password !== body.new_password, {
    path: ["new_password"],
    message: "must differ from the current password",
  });
