import { sql, type Kysely } from "kysely";
import { isPostgres, isSqlite } from "@/lib/db/dialect";
import { SEARCH_CONFIG } from "@/lib/db/migrations/0006-prompt-search-postgres";
import type { Database, Launch } from "@/lib/db/schema";
import { ftsQuery } from "@/lib/search/fts-query";
import { tsQuery } from "@/lib/search/ts-query";

/**
 * The store's side of prompt search and "Launched by": the launches the dashboard recorded
 * (form and token alike), found by their words (FTS5, best match first) or listed newest
 * first, and paged with a cursor. Refused launches (no run ever started) are left out.
 * SQLite searches its FTS5 index, Postgres its tsvector index (both from migration 0006);
 * the caller sees one behaviour.
 *
 * Everyone may search every teammate's launches: the history is shared across the team.
 */

export interface LaunchQuery {
  kind: Launch["kind"];
  /** The teammate's words; absent: every launch, newest first. */
  text?: string;
  /** Only this user's launches. */
  userId?: string;
  workspaceId?: string;
  projectId?: string;
  techniqueId?: string;
  cursor?: string;
  limit: number;
}

export interface LaunchPage {
  launches: Launch[];
  nextCursor: string | null;
}

/**
 * The search tables of migration 0006; not in Database, since only this module reads them.
 * `launch_search` is SQLite's FTS5 table (rowid…) or Postgres' side table (launch_id,
 * document): one name, the columns of both.
 */
type SearchTables = {
  launch_search: { rowid: number; launch_id: string; prompt: string; params: string; document: string };
  launch_search_rows: { id: number; launch_id: string };
};

/**
 * Cursors: `r.<offset>` through ranked results (a rank is a float that shifts as launches
 * are added, so an offset is the honest position), `t.<created_at>.<id>` through the newest
 * first list (keyset: a launch added meanwhile does not shift the pages).
 */
type Cursor = { by: "rank"; offset: number } | { by: "time"; createdAt: number; id: string };

export function parseLaunchCursor(cursor: string): Cursor | null {
  const ranked = /^r\.(\d{1,9})$/.exec(cursor);
  if (ranked) return { by: "rank", offset: Number(ranked[1]) };
  const timed = /^t\.(\d{1,15})\.([A-Za-z0-9_-]{1,128})$/.exec(cursor);
  if (timed) return { by: "time", createdAt: Number(timed[1]), id: timed[2]! };
  return null;
}

export class LaunchCursorError extends Error {}

/** Prompt weighs twice a param value: a word in the prompt is what the teammate remembers. */
const BM25 = sql<number>`bm25(launch_search, 2.0, 1.0)`;
/**
 * Postgres: ts_rank with the prompt's words (weight A) counting twice a param's (B), the
 * same 2:1 as above; normalization 1 divides by the log of the document's length, as BM25
 * favours a short document that matches over a long one.
 */
const tsRank = (tsquery: string) => sql<number>`ts_rank('{0.1, 0.2, 0.5, 1.0}', s.document, to_tsquery(${SEARCH_CONFIG}::regconfig, ${tsquery}), 1)`;

export async function searchLaunches(db: Kysely<Database>, query: LaunchQuery): Promise<LaunchPage> {
  const cursor = query.cursor === undefined ? null : parseLaunchCursor(query.cursor);
  if (query.cursor !== undefined && cursor === null) throw new LaunchCursorError("not a cursor this list gave out");
  const match = query.text === undefined ? undefined : ftsQuery(query.text);
  // Words that hold nothing searchable ("***") find nothing, rather than everything.
  if (match === null) return { launches: [], nextCursor: null };
  const postgres = isPostgres(db);
  if (match !== undefined && !postgres && !isSqlite(db)) throw new Error("Prompt search needs SQLite (FTS5) or Postgres (tsvector).");

  let select = db
    .withTables<SearchTables>()
    .selectFrom("launches as l")
    .selectAll("l")
    .where("l.kind", "=", query.kind)
    .where("l.status", "!=", "rejected");
  if (query.userId !== undefined) select = select.where("l.user_id", "=", query.userId);
  if (query.workspaceId !== undefined) select = select.where("l.workspace_id", "=", query.workspaceId);
  if (query.projectId !== undefined) select = select.where("l.project_id", "=", query.projectId);
  if (query.techniqueId !== undefined) select = select.where("l.technique_id", "=", query.techniqueId);

  // One row more than a page says whether another page follows.
  const take = query.limit + 1;
  let rows: Launch[];
  if (match !== undefined) {
    if (cursor && cursor.by !== "rank") throw new LaunchCursorError("not a cursor of this search");
    const offset = cursor?.offset ?? 0;
    if (postgres) {
      // Same terms as `match` (null for one is null for the other), written as a tsquery.
      const tsquery = tsQuery(query.text!)!;
      rows = await select
        .innerJoin("launch_search as s", "s.launch_id", "l.id")
        .where(sql<boolean>`s.document @@ to_tsquery(${SEARCH_CONFIG}::regconfig, ${tsquery})`)
        .orderBy(tsRank(tsquery), "desc")
        .orderBy("l.created_at", "desc")
        .orderBy("l.id", "desc")
        .limit(take)
        .offset(offset)
        .execute();
    } else {
      rows = await select
        .innerJoin("launch_search_rows as r", "r.launch_id", "l.id")
        .innerJoin("launch_search", (join) => join.on(sql`launch_search.rowid`, "=", sql.ref("r.id")))
        .where(sql<boolean>`launch_search match ${match}`)
        .orderBy(BM25)
        .orderBy("l.created_at", "desc")
        .orderBy("l.id", "desc")
        .limit(take)
        .offset(offset)
        .execute();
    }
    const more = rows.length > query.limit;
    return { launches: rows.slice(0, query.limit), nextCursor: more ? `r.${offset + query.limit}` : null };
  }

  if (cursor && cursor.by !== "time") throw new LaunchCursorError("not a cursor of this list");
  if (cursor) {
    select = select.where((eb) =>
      eb.or([eb("l.created_at", "<", cursor.createdAt), eb.and([eb("l.created_at", "=", cursor.createdAt), eb("l.id", "<", cursor.id)])]),
    );
  }
  rows = await select.orderBy("l.created_at", "desc").orderBy("l.id", "desc").limit(take).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { launches: page, nextCursor: rows.length > query.limit && last ? `t.${last.created_at}.${last.id}` : null };
}
