import type { Role } from "@/lib/db/schema";
import type { ExpiryChoice, PublicToken } from "@/lib/tokens/token-view";

/** The account tokens API from the browser; errors come back in the envelope's words. */
export class TokensApiError extends Error {
  constructor(
    message: string,
    readonly fields: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: init.body ? { "content-type": "application/json" } : undefined });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string; fields?: Array<{ field: string; message: string }> } }) | null;
  if (!response.ok || !body) throw new TokensApiError(body?.error?.message ?? `The server answered ${response.status}.`, body?.error?.fields);
  return body;
}

export const tokensApi = {
  create: (input: { name: string; expires_in_days: ExpiryChoice | null; role: Role }) =>
    call<PublicToken & { token: string }>("/api/account/tokens", { method: "POST", body: JSON.stringify(input) }),
  revoke: (id: string) => call<{ token: PublicToken }>(`/api/account/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
