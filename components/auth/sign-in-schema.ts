import { z } from "@/components/ui/browser-zod";

/**
 * What the sign-in form needs before it asks the server anything: an email address and a
 * password. An empty or malformed form is answered on its fields and sends no request,
 * so it spends no attempt of the per-email and per-address limits.
 */
const signInFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").pipe(z.email("Enter a valid email address, like sam@example.com.")),
  password: z.string().min(1, "Enter your password."),
});

export type SignInFieldErrors = Partial<Record<"email" | "password", string>>;

export function checkSignIn(values: { email: string; password: string }): { email: string; password: string } | { errors: SignInFieldErrors } {
  const result = signInFormSchema.safeParse(values);
  if (result.success) return result.data;
  const errors: SignInFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof SignInFieldErrors;
    errors[field] ??= issue.message;
  }
  return { errors };
}
