/** Why a public-link change was refused; the API maps codes to statuses. */
export type ShareErrorCode = "invalid_input" | "forbidden" | "not_found";

export class ShareError extends Error {
  constructor(
    readonly code: ShareErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ShareError";
  }
}
