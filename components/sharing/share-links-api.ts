import type { LinkExpiryDays, PublicLinkView } from "@/lib/sharing/link-rules";

/** The public-links API from the browser; errors come back in the envelope's words. */
export class ShareLinksApiError extends Error {}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: init.body ? { "content-type": "application/json" } : undefined });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new ShareLinksApiError(body?.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

export const shareLinksApi = {
  createForRun: (input: { run_id: string; technique_id: string | null; expires_days: LinkExpiryDays; show_prompt: boolean }) =>
    call<{ id: string; url: string; expires_at: number }>("/api/share-links", {
      method: "POST",
      body: JSON.stringify({
        subject: { kind: "run", run_id: input.run_id, ...(input.technique_id && { technique_id: input.technique_id }) },
        expires_days: input.expires_days,
        show_prompt: input.show_prompt,
      }),
    }),
  list: (all: boolean) => call<{ links: PublicLinkView[] }>(`/api/share-links${all ? "?all=1" : ""}`),
  revoke: (id: string) => call<{ link: PublicLinkView }>(`/api/share-links/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
