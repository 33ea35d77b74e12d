import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { UsdSum } from "@/lib/usage/money-sum";
import { monthRange, type Month } from "@/lib/usage/month";
import type { OutsideSpend } from "@/lib/usage/report";

/**
 * FLORA-side spend of runs the dashboard did not launch (the raw key used by a script, the
 * CLI, FLORA's own app): the `charged_cost` of the month's runs in FLORA's history lists
 * whose run id is not in the launches table.
 *
 * Bounded, because it reads the team's key: each list is paged (100 a page, newest first)
 * only back to the month's start and never past MAX_PAGES pages; a month older than that
 * reach is reported as partial rather than read in full.
 */

export const PAGE_SIZE = 100;
export const MAX_PAGES = 10;

export interface ListedRun {
  run_id: string;
  created_at: number;
  charged_cost?: number | null;
}

export interface ListPage {
  runs: ListedRun[];
  next: string | null;
}

/** One page of a history list (generations or technique runs), by cursor. */
export type ReadListPage = (cursor: string | undefined) => Promise<ListPage>;

type Db = Kysely<Database>;

/** Run ids are looked up in chunks, well under SQLite's bound-parameter limit. */
const LOOKUP_CHUNK = 500;

async function scanMonth(readPage: ReadListPage, start: number, end: number): Promise<{ runs: ListedRun[]; complete: boolean }> {
  const runs: ListedRun[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { runs: pageRuns, next } = await readPage(cursor);
    runs.push(...pageRuns.filter((run) => run.created_at >= start && run.created_at < end));
    const reachedStart = pageRuns.some((run) => run.created_at < start);
    if (!next || reachedStart) return { runs, complete: true };
    cursor = next;
  }
  return { runs, complete: false };
}

async function knownRunIds(db: Db, runIds: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let index = 0; index < runIds.length; index += LOOKUP_CHUNK) {
    const chunk = runIds.slice(index, index + LOOKUP_CHUNK);
    const rows = await db.selectFrom("launches").select("run_id").where("run_id", "in", chunk).execute();
    for (const row of rows) if (row.run_id) known.add(row.run_id);
  }
  return known;
}

export async function outsideSpend(db: Db, month: Month, lists: ReadListPage[]): Promise<OutsideSpend> {
  const { start, end } = monthRange(month);
  const scans = await Promise.all(lists.map((readPage) => scanMonth(readPage, start, end)));
  const listed = new Map(scans.flatMap((scan) => scan.runs).map((run) => [run.run_id, run]));
  const known = await knownRunIds(db, [...listed.keys()]);
  const sum = new UsdSum();
  let runs = 0;
  for (const run of listed.values()) {
    if (known.has(run.run_id)) continue;
    runs += 1;
    // A run still going has no charge yet: it adds nothing until FLORA charges it.
    sum.add(run.charged_cost);
  }
  return { usd: sum.value, runs, partial: scans.some((scan) => !scan.complete), unavailable: false };
}
