import type { RunRef } from "@/lib/runs/run-ref";
import type { LinkExpiryDays, PublicLinkView } from "@/lib/sharing/link-rules";

/** What a public link shares: one run, or a collection of them. */
export type ShareSubject = { kind: "run"; runRef: RunRef } | { kind: "collection"; collectionId: string };

/** The public-links API from the browser; errors come back in the envelope's words. */
export class ShareLinksApiError extends Error {}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: init.body ? { "content-type": "application/json" } : undefined });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new ShareLinksApiError(body?.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

export const shareLinksApi = {
  create: (subject: ShareSubject, options: { expires_days: LinkExpiryDays; show_prompt: boolean }) =>
    call<{ id: string; url: string; expires_at: number }>("/api/share-links", {
      method: "POST",
      body: JSON.stringify({
        subject:
          subject.kind === "collection"
            ? { kind: "collection", collection_id: subject.collectionId }
            : { kind: "run", run_id: subject.runRef.runId, ...(subject.runRef.techniqueId && { technique_id: subject.runRef.techniqueId }) },
        ...options,
      }),
    }),
  list: (all: boolean) => call<{ links: PublicLinkView[] }>(`/api/share-links${all ? "?all=1" : ""}`),
  revoke: (id: string) => call<{ link: PublicLinkView }>(`/api/share-links/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
