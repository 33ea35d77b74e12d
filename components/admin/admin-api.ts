import type { PublicUser } from "@/lib/users/user-api";

/** The admin users API from the browser; errors come back in the envelope's words. */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly fields: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: init.body ? { "content-type": "application/json" } : undefined,
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: { message: string; fields?: Array<{ field: string; message: string }> } })
    | null;
  if (!response.ok || !body) {
    throw new AdminApiError(body?.error?.message ?? `The server answered ${response.status}.`, body?.error?.fields);
  }
  return body;
}

export const adminApi = {
  add: (input: { email: string; name?: string; role: string; password: string }) =>
    call<{ user: PublicUser }>("/api/admin/users", { method: "POST", body: JSON.stringify(input) }),
  change: (id: string, change: { role?: string; disabled?: boolean }) =>
    call<{ user: PublicUser }>(`/api/admin/users/${encodeURIComponent(id)}`, {
      method: "PATCH",
      body: JSON.stringify(change),
    }),
  remove: (id: string) => call<void>(`/api/admin/users/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
