/**
 * The collections' limits, shared by the store, the API's schemas and the pages (plain
 * values, safe in the browser).
 */
import type { CollectionRunsTable } from "@/lib/db/schema";

export const COLLECTION_NAME_MAX = 100;
/** A review set, not an archive: a grid of 200 previews is already a long page. */
export const COLLECTION_RUNS_MAX = 200;
/** Compare shows 2 to 4 runs side by side. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** One run in a collection, as the API and the pages see it: its stored row, less the collection's id. */
export type CollectionRunRef = Omit<CollectionRunsTable, "collection_id">;

export interface CollectionSummary {
  id: string;
  name: string;
  created_by_email: string;
  created_at: number;
  updated_at: number;
  run_count: number;
  /** Whether the asking teammate may delete it: its creator, or an admin. */
  can_delete: boolean;
}

export interface CollectionDetail extends CollectionSummary {
  runs: CollectionRunRef[];
}

/** The compare page's address for these runs: `techniqueId/runId` for a technique run. */
export function compareHref(runs: ReadonlyArray<{ runId: string; techniqueId: string | null }>): string {
  return `/compare?runs=${runs.map((run) => (run.techniqueId ? `${run.techniqueId}/${run.runId}` : run.runId)).join(",")}`;
}
