/**
 * One open run page in headless Chromium, timed in the page itself: a MutationObserver,
 * installed before any of the page's scripts, notes the epoch ms
 * (`performance.timeOrigin + performance.now()`, the machine's clock, the simulator's too)
 * at which the run's status (`[data-testid=run-status]`) first reads Completed, and what it
 * read when it first appeared (a page that loaded after the run ended measures nothing).
 */
import type { BrowserContext } from "@playwright/test";

export interface PageWatch {
  /** The status text when the page first showed one. */
  firstStatus: string | null;
  /** Epoch ms when the status became Completed; null when it did not within the timeout. */
  completedAt: number | null;
  /** Epoch ms when the page's event stream delivered the run as completed (null: it did not). */
  eventAt: number | null;
  /** The page's own requests for the run (`GET /api/v1/runs/{id}`): its polls. */
  pagePolls: number;
  /** When each was sent (epoch ms, this machine's clock), to tell polls before Completed from after. */
  pagePollTimes: number[];
  /** The page's requests to `/api/events` (blocked ones included). */
  streamOpenings: number;
}

declare global {
  interface Window {
    __pushBench?: { firstStatus: string | null; completedAt: number | null; eventAt: number | null };
  }
}

/** For every page of the context, before its own scripts. */
export async function installStatusProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const probe = { firstStatus: null as string | null, completedAt: null as number | null, eventAt: null as number | null };
    window.__pushBench = probe;
    // The stream's own "completed" event, heard before the page's code: a late event and a
    // late render are then told apart.
    const NativeEventSource = window.EventSource;
    window.EventSource = class extends NativeEventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener("run", (event) => {
          try {
            const { run } = JSON.parse((event as MessageEvent<string>).data) as { run: { status: string } };
            if (run.status === "completed") probe.eventAt ??= performance.timeOrigin + performance.now();
          } catch {
            // Not this probe's business.
          }
        });
      }
    };
    const observer = new MutationObserver(() => {
      const text = document.querySelector('[data-testid="run-status"]')?.textContent ?? null;
      if (text === null) return;
      probe.firstStatus ??= text;
      if (/Completed/.test(text)) {
        probe.completedAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** Opens `/runs/{runId}` in a new page of `context` and waits for Completed (or `timeoutMs`). */
export async function watchRunPage(context: BrowserContext, runId: string, timeoutMs: number): Promise<PageWatch> {
  const page = await context.newPage();
  const seen = { pagePolls: 0, pagePollTimes: [] as number[], streamOpenings: 0 };
  page.on("request", (request) => {
    const pathname = new URL(request.url()).pathname;
    if (pathname === `/api/v1/runs/${runId}`) {
      seen.pagePolls += 1;
      seen.pagePollTimes.push(Date.now());
    }
    if (pathname === "/api/events") seen.streamOpenings += 1;
  });
  try {
    await page.goto(`/runs/${runId}`);
    await page.waitForFunction(() => window.__pushBench?.completedAt != null, undefined, { timeout: timeoutMs, polling: 100 }).catch(() => undefined);
    const probe = await page.evaluate(() => window.__pushBench ?? { firstStatus: null, completedAt: null, eventAt: null });
    return { ...probe, ...seen };
  } finally {
    await page.close();
  }
}
