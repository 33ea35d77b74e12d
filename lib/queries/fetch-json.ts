/** A failed dashboard API call, with what the UI needs to say about it. */
export class DashboardApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From Retry-After on a 429, in milliseconds. */
    readonly retryAfterMs: number | null,
    /** Validation errors by field, as the envelope names them (`prompt`, `params.seed`, …). */
    readonly fields: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
    this.name = "DashboardApiError";
  }
}

export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Array<{ field: string; message: string }> };
  } | null;
  const retryAfter = Number(response.headers.get("retry-after"));
  throw new DashboardApiError(
    response.status,
    body?.error?.code ?? "unknown_error",
    body?.error?.message ?? `The dashboard answered ${response.status}.`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    Array.isArray(body?.error?.fields) ? body.error.fields : [],
  );
}
