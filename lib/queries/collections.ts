import type { CollectionDetail, CollectionSummary } from "@/lib/collections/collection-rules";
import { fetchJson } from "@/lib/queries/fetch-json";

/** Query keys and calls for the collections API, from here only. */
export const collectionKeys = {
  all: ["collections"] as const,
  list: () => ["collections", "list"] as const,
};

export interface CollectionList {
  collections: CollectionSummary[];
  can_change: boolean;
}

export const collectionListOptions = () => ({
  queryKey: collectionKeys.list(),
  queryFn: () => fetchJson<CollectionList>("/api/collections"),
  staleTime: 30_000,
});

const send = <T>(method: string, path: string, body?: unknown) =>
  fetchJson<T>(path, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });

export const createCollectionCall = (name: string) => send<{ collection: CollectionDetail }>("POST", "/api/collections", { name });

export const renameCollectionCall = (id: string, name: string) => send<{ collection: CollectionDetail }>("PATCH", `/api/collections/${encodeURIComponent(id)}`, { name });

export async function deleteCollectionCall(id: string): Promise<void> {
  const response = await fetch(`/api/collections/${encodeURIComponent(id)}`, { method: "DELETE" });
  // A 204 has no body for fetchJson to read; any failure goes through it for the envelope.
  if (!response.ok) await fetchJson(`/api/collections/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export interface RunToAdd {
  run_id: string;
  technique_id?: string | null;
}

export const addRunsCall = (id: string, runs: RunToAdd[]) =>
  send<{ added: string[]; collection: CollectionDetail }>("POST", `/api/collections/${encodeURIComponent(id)}/runs`, { runs });

export const removeRunCall = (id: string, runId: string) =>
  send<{ collection: CollectionDetail }>("DELETE", `/api/collections/${encodeURIComponent(id)}/runs/${encodeURIComponent(runId)}`);

export const moveRunCall = (id: string, runId: string, to: number) =>
  send<{ position: number; collection: CollectionDetail }>("POST", `/api/collections/${encodeURIComponent(id)}/runs/${encodeURIComponent(runId)}/move`, { to });
