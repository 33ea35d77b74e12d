/** Why a change to the users table was refused; the API maps codes to statuses. */
export type UserErrorCode =
  | "invalid_email"
  | "invalid_role"
  | "invalid_password"
  | "duplicate_email"
  | "not_found"
  | "last_admin"
  | "demo_user";

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}
