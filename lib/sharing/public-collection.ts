import "server-only";
import pLimit from "p-limit";
import type { SharedLink } from "@/lib/db/schema";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { findCollection, runsOf } from "@/lib/collections/collection-store";
import { isUpstreamNotFound } from "@/lib/flora/call-policy";
import type { RunRef } from "@/lib/runs/run-ref";
import { loadPublicRun, type PublicRun } from "@/lib/sharing/public-run";

/**
 * What a public link to a collection shows: its name and, in the team's order, each run as
 * a public link to that run would show it (the link's "show the prompt" choice applies to
 * all). A public page reads its runs from FLORA (finished ones come from the poll cache), so
 * it shows the first PUBLIC_COLLECTION_RUNS and says how many more there are.
 */
export const PUBLIC_COLLECTION_RUNS = 48;
/** Reads of the collection's runs at once: a public page must not flood FLORA. */
const READS_AT_ONCE = 4;

export interface PublicCollection {
  name: string;
  runs: Array<{ runId: string; run: PublicRun }>;
  /** Runs past PUBLIC_COLLECTION_RUNS, not shown. */
  more: number;
}

/** The link as it would be for one of the collection's runs. */
const linkForRun = (link: SharedLink, ref: RunRef): SharedLink => ({ ...link, subject_kind: "run", run_id: ref.runId, technique_id: ref.techniqueId });

/** The run of the collection the link shares, by id; null when it is not in the collection. */
export async function collectionRunRef(db: Kysely<Database>, link: SharedLink, runId: string): Promise<RunRef | null> {
  if (!link.collection_id) return null;
  const found = (await runsOf(db, link.collection_id)).find((row) => row.run_id === runId);
  return found ? { kind: found.technique_id ? "technique" : "generation", runId: found.run_id, techniqueId: found.technique_id } : null;
}

/** Null when the collection is gone. Runs FLORA no longer has are left out; other failures pass on. */
export async function loadPublicCollection(
  db: Kysely<Database>,
  link: SharedLink,
  loadRun: (link: SharedLink) => Promise<PublicRun> = loadPublicRun,
): Promise<PublicCollection | null> {
  const collection = link.collection_id ? await findCollection(db, link.collection_id) : undefined;
  if (!collection) return null;
  const rows = await runsOf(db, collection.id);
  const shown = rows.slice(0, PUBLIC_COLLECTION_RUNS);
  const limit = pLimit(READS_AT_ONCE);
  const runs = await Promise.all(
    shown.map((row) =>
      limit(async () => {
        const ref: RunRef = { kind: row.technique_id ? "technique" : "generation", runId: row.run_id, techniqueId: row.technique_id };
        try {
          return { runId: row.run_id, run: await loadRun(linkForRun(link, ref)) };
        } catch (error) {
          if (isUpstreamNotFound(error)) return null;
          throw error;
        }
      }),
    ),
  );
  return { name: collection.name, runs: runs.filter((entry) => entry !== null), more: rows.length - shown.length };
}
