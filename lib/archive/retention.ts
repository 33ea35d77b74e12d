import type { Kysely } from "kysely";
import { archivedBefore, forgetArchivedOutput } from "@/lib/archive/records";
import type { ArchiveStore } from "@/lib/archive/store";
import type { Database } from "@/lib/db/schema";

/**
 * ARCHIVE_RETENTION_DAYS: archived files older than that are deleted, at start and then
 * about daily (like lib/activity/retention.ts). The files go first, then the record: a
 * failure in between leaves a record whose files are gone, which the serving path treats
 * as "not archived" and which the next prune removes.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export async function pruneArchive(db: Kysely<Database>, store: ArchiveStore, days: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await archivedBefore(db, now - days * DAY_MS, BATCH);
    for (const row of batch) {
      for (const key of [row.key, row.thumb_row_key, row.thumb_grid_key]) if (key) await store.delete(key);
      await forgetArchivedOutput(db, row.run_id, row.output_id);
      removed += 1;
    }
    if (batch.length < BATCH) return removed;
  }
}

export function startArchiveRetention(
  db: Kysely<Database>,
  store: ArchiveStore,
  days: number,
  report: { info(message: string): void; error(message: string): void } = console,
): { stop(): void; done: Promise<void> } {
  const prune = async () => {
    try {
      const removed = await pruneArchive(db, store, days);
      if (removed > 0) report.info(`Archive: removed ${removed} output(s) archived more than ${days} days ago (ARCHIVE_RETENTION_DAYS).`);
    } catch (error) {
      report.error(`Archive: pruning old outputs failed: ${String(error)}`);
    }
  };
  const done = prune();
  const timer = setInterval(() => void prune(), DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), done };
}
