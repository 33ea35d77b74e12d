import type { Kysely } from "kysely";
import type { ActivityEntryView, ActivityPage } from "@/lib/activity/contract";
import { encodeActivityCursor, type ActivityCursor } from "@/lib/activity/cursor";
import type { ActivitySelection } from "@/lib/activity/query-schema";
import type { ActivityEntry, Database } from "@/lib/db/schema";

/**
 * Reads the activity log, newest first, a page at a time. Pages are cut by the (at, id) of
 * the last entry shown, not by an offset: entries written meanwhile do not shift a page,
 * and entries with the same millisecond are neither repeated nor skipped.
 * Plain module (no `server-only`): only server code imports it, and its tests run in Node.
 */

export interface ActivityQuery extends ActivitySelection {
  cursor?: ActivityCursor;
  /** Entries per page; the API caps it (lib/activity/query-schema.ts), the export does not. */
  limit: number;
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: text };
  }
}

export function toEntryView(row: ActivityEntry): ActivityEntryView {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    kind: row.kind,
    actor: row.actor_id === null && row.actor_email === null ? null : { id: row.actor_id, email: row.actor_email },
    subject: row.subject,
    detail: parseDetail(row.detail_json),
  };
}

export async function queryActivity(db: Kysely<Database>, query: ActivityQuery): Promise<ActivityPage> {
  let select = db.selectFrom("activity").selectAll();
  if (query.person !== undefined) select = select.where("actor_id", "=", query.person);
  if (query.kind !== undefined) select = select.where("kind", "=", query.kind);
  if (query.fromMs !== undefined) select = select.where("at", ">=", query.fromMs);
  if (query.toMs !== undefined) select = select.where("at", "<", query.toMs);
  const cursor = query.cursor;
  if (cursor) {
    select = select.where((eb) => eb.or([eb("at", "<", cursor.at), eb.and([eb("at", "=", cursor.at), eb("id", "<", cursor.id)])]));
  }
  // One more than asked: whether it exists says whether there is a next page.
  const rows = await select.orderBy("at", "desc").orderBy("id", "desc").limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(toEntryView),
    next_cursor: rows.length > query.limit && last ? encodeActivityCursor({ at: last.at, id: last.id }) : null,
  };
}
