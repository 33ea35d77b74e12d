import { z } from "@/components/ui/browser-zod";
import { ROLES } from "@/lib/auth/roles";

/**
 * The add-user form's rules in the browser, so a mistake is shown on its field before
 * anything is sent. The admin API checks the same things again (lib/users/users.ts); its
 * password limits live with the hashing code, which the browser cannot load, and a unit
 * test keeps these equal to them.
 */
export const PASSWORD_LENGTH = { min: 8, max: 1_024 } as const;
const NAME_MAX = 120;

export const newUserFormSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter their email address.")
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email("Enter a valid email address, like sam@example.com.")),
  name: z
    .string()
    .trim()
    .max(NAME_MAX, `At most ${NAME_MAX} characters.`)
    .transform((name) => name || undefined),
  role: z.enum(ROLES, "Choose viewer, member or admin."),
  password: z
    .string()
    .min(1, "Enter a password for them.")
    .min(PASSWORD_LENGTH.min, `At least ${PASSWORD_LENGTH.min} characters.`)
    .max(PASSWORD_LENGTH.max, `At most ${PASSWORD_LENGTH.max} characters.`),
});

export type NewUser = z.output<typeof newUserFormSchema>;
export type NewUserFieldErrors = Partial<Record<keyof NewUser, string>>;

/** The form's values, checked: the user to add, or one message per field that is wrong. */
export function checkNewUser(values: Record<keyof NewUser, string>): { user: NewUser } | { errors: NewUserFieldErrors } {
  const result = newUserFormSchema.safeParse(values);
  if (result.success) return { user: result.data };
  const errors: NewUserFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof NewUser;
    errors[field] ??= issue.message;
  }
  return { errors };
}
