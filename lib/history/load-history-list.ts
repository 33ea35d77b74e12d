import "server-only";
import { withThumbs } from "@/lib/archive/history-thumbs";
import { isLaunchSearch, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";
import type { HistoryPage } from "@/lib/history/history-run";
import { loadHistoryPage } from "@/lib/history/load-history-page";
import { loadSearchPage } from "@/lib/search/load-search-page";

/**
 * One page of a history list: FLORA's history, or, with a search or a "Launched by" choice,
 * the launches the store recorded (see isLaunchSearch). The server page and the route share it.
 */
export async function loadHistoryList(kind: HistoryKind, filters: HistoryFilters, cursor: string | undefined, viewerId: string): Promise<HistoryPage> {
  const page = await (isLaunchSearch(filters) ? loadSearchPage(kind, filters, cursor, viewerId) : loadHistoryPage(kind, filters, cursor));
  // Archived runs show real thumbnails rather than the full-size media.
  return { ...page, runs: await withThumbs(page.runs) };
}
