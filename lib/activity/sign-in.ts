import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { Database, User } from "@/lib/db/schema";

/**
 * Sign-ins in the activity log. A failed one keeps the email that was tried (cut to an
 * email's length) and the client's address, never the password. Why it failed is kept for
 * the admins who read the log; the sign-in form still gives one answer for every failure.
 */

export type SignInMethod = "password" | (string & {});

export type SignInFailure =
  | "invalid_input"
  | "unknown_email"
  | "no_password"
  | "wrong_password"
  | "disabled"
  | "demo_outside_demo"
  | "not_admitted";

const MAX_EMAIL_LENGTH = 254;

export function recordSignIn(db: Kysely<Database>, user: Pick<User, "id" | "email">, method: SignInMethod, address: string): Promise<void> {
  return recordActivity(db, { kind: "sign_in", actor: { id: user.id, email: user.email }, detail: { method, address } });
}

export function recordFailedSignIn(
  db: Kysely<Database>,
  emailTried: unknown,
  method: SignInMethod,
  address: string,
  reason: SignInFailure,
): Promise<void> {
  const email = typeof emailTried === "string" ? emailTried.trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH) : "";
  return recordActivity(db, { kind: "sign_in_failed", actor: null, subject: email || null, detail: { method, address, reason } });
}
