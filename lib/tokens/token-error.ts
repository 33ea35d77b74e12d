/** Why a token change was refused; the API maps codes to statuses, the users command prints the message. */
export type TokenErrorCode = "invalid_input" | "role_too_high" | "owner_disabled" | "not_found" | "forbidden";

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}
