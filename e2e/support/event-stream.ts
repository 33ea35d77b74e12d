import type { BrowserContext, Page } from "@playwright/test";

/**
 * Blocks the tab's event stream (GET /api/events), as a proxy that drops it would: the run
 * page and the history's live rows then poll the gateway, the way they did before the
 * stream. The tests of polling itself (its pace, its stops, its problems) run this way.
 */
export async function blockEventStream(target: Page | BrowserContext): Promise<void> {
  await target.route(/\/api\/events(\?|$)/, (route) => route.abort());
}

/** Counts a page's (or context's) requests by path: the gateway's run polls and the stream's openings. */
export function countRequests(target: Page | BrowserContext, path: string): { count: number } {
  const seen = { count: 0 };
  target.on("request", (request) => {
    if (new URL(request.url()).pathname === path) seen.count += 1;
  });
  return seen;
}
