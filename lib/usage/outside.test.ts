import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { MAX_PAGES, outsideSpend, type ListedRun, type ListPage, type ReadListPage } from "@/lib/usage/outside";
import { insertLaunch } from "@/lib/usage/test-launches";

const START = Date.parse("2026-11-01T00:00:00Z");
const END = Date.parse("2026-12-01T00:00:00Z");
let db: Kysely<Database>;

beforeEach(async () => {
  db = await memoryDatabase();
});
afterEach(async () => {
  await db.destroy();
});

/** A history list served from pages in memory, newest first; records every cursor it is asked for. */
function list(pages: ListedRun[][]): ReadListPage & { asked: Array<string | undefined> } {
  const asked: Array<string | undefined> = [];
  const read = async (cursor: string | undefined): Promise<ListPage> => {
    asked.push(cursor);
    const index = cursor ? Number(cursor.slice(1)) : 0;
    return { runs: pages[index] ?? [], next: index + 1 < pages.length ? `p${index + 1}` : null };
  };
  return Object.assign(read, { asked });
}

const run = (run_id: string, created_at: number, charged_cost: number | null = 0.1): ListedRun => ({ run_id, created_at, charged_cost });

describe("outsideSpend", () => {
  it("sums the month's charges of runs the launches table does not know, in both lists", async () => {
    await insertLaunch(db, { run_id: "run_ours", created_at: START + 5_000 });
    const generations = list([
      [run("run_december", END + 1, 9), run("run_ours", START + 5_000, 0.32), run("run_cli", START + 4_000, 0.25)],
      [run("run_script", START + 1, 0.05), run("run_still_going", START, null), run("run_october", START - 1, 7)],
      [run("run_never_read", START - 10_000, 100)],
    ]);
    const techniqueRuns = list([[run("run_tech_elsewhere", START + 9_000, 0.2)]]);

    expect(await outsideSpend(db, "2026-11", [generations, techniqueRuns])).toEqual({
      usd: 0.5,
      runs: 4,
      partial: false,
      unavailable: false,
    });
    // Stopped at the page that reached back past the month's start.
    expect(generations.asked).toEqual([undefined, "p1"]);
  });

  it("reads at most MAX_PAGES pages of a list and says the figure is partial", async () => {
    const pages = Array.from({ length: MAX_PAGES + 5 }, (_, page) => [run(`run_${page}`, END - 1_000 - page, 1)]);
    const generations = list(pages);
    const result = await outsideSpend(db, "2026-11", [generations]);
    expect(generations.asked).toHaveLength(MAX_PAGES);
    expect(result).toEqual({ usd: MAX_PAGES, runs: MAX_PAGES, partial: true, unavailable: false });
  });

  it("looks up more run ids than one query may bind", async () => {
    const runs = Array.from({ length: 1_200 }, (_, index) => run(`run_${index}`, START + index, 0.01));
    for (const known of [0, 600, 1_199]) await insertLaunch(db, { run_id: `run_${known}`, created_at: START });
    expect(await outsideSpend(db, "2026-11", [list([runs])])).toMatchObject({ runs: 1_197, usd: 11.97 });
  });
});
