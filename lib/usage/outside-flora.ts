import "server-only";
import { remembered } from "@/lib/cache/remembered";
import { getDb } from "@/lib/db";
import { listGenerations, listTechniqueRuns } from "@/lib/flora/reads";
import { describeError, log } from "@/lib/log";
import type { Month } from "@/lib/usage/month";
import { outsideSpend, PAGE_SIZE, type ReadListPage } from "@/lib/usage/outside";
import type { OutsideSpend } from "@/lib/usage/report";

/** Up to 20 list reads of the team's key per figure, so it is shared for a minute. */
const OUTSIDE_FRESH_MS = 60_000;

const readGenerations: ReadListPage = async (cursor) => {
  const page = await listGenerations({ limit: PAGE_SIZE, ...(cursor && { cursor }) });
  return { runs: page.generations, next: page.meta.next_cursor ?? null };
};

const readTechniqueRuns: ReadListPage = async (cursor) => {
  const page = await listTechniqueRuns({ limit: PAGE_SIZE, ...(cursor && { cursor }) });
  return { runs: page.technique_runs, next: page.meta.next_cursor ?? null };
};

/** The month's outside-the-dashboard line; an unreadable FLORA makes it unknown, not the page failed. */
export async function loadOutsideSpend(month: Month): Promise<OutsideSpend> {
  try {
    return await remembered(`usage:outside:${month}`, OUTSIDE_FRESH_MS, async () =>
      outsideSpend(await getDb(), month, [readGenerations, readTechniqueRuns]),
    );
  } catch (error) {
    log.warn("usage: FLORA's history lists unavailable, outside spend unknown", describeError(error));
    return { usd: 0, runs: 0, partial: false, unavailable: true };
  }
}
