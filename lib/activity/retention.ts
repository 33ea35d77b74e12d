import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

/**
 * The one place that deletes activity entries: those older than ACTIVITY_RETENTION_DAYS.
 * Nothing else in the app updates or deletes them (lib/db/migrations/0005-activity.ts).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a running server prunes again after the prune at start. */
export const PRUNE_EVERY_MS = DAY_MS;

/** Deletes entries older than `days` days before `now`; returns how many went. */
export async function pruneActivity(db: Kysely<Database>, days: number, now = Date.now()): Promise<number> {
  const { numDeletedRows } = await db.deleteFrom("activity").where("at", "<", now - days * DAY_MS).executeTakeFirst();
  return Number(numDeletedRows);
}

/**
 * Prunes now and then about daily, for as long as the process runs. The timer is unref'd:
 * it never keeps a stopping server alive. A failed prune is reported and tried again the
 * next day: it must not stop the server.
 */
export function startActivityRetention(
  db: Kysely<Database>,
  days: number,
  report: { info(message: string): void; error(message: string): void } = console,
): { stop(): void; done: Promise<void> } {
  const prune = async () => {
    try {
      const removed = await pruneActivity(db, days);
      if (removed > 0) report.info(`Activity: removed ${removed} entr${removed === 1 ? "y" : "ies"} older than ${days} days (ACTIVITY_RETENTION_DAYS).`);
    } catch (error) {
      report.error(`Activity: pruning old entries failed: ${String(error)}`);
    }
  };
  const done = prune();
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), done };
}
