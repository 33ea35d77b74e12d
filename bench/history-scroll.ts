/**
 * The generation history with many runs loaded, in headless Chromium: LCP and first-load JS
 * of /generations, the time to page through all runs, the DOM size of the virtualised list
 * and scroll frame times. See bench/README.md.
 *
 *   npm run bench:history            (builds first when the build is stale)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { firstLoadJs, loadedScripts, type ScriptResource } from "./lib/first-load";
import { percentile } from "./lib/sequential";
import { signIn, startStack, type Stack } from "./lib/stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Runs the list should hold when measured; the simulator seeds 5,000 generations. */
const TARGET_RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
/** 1: launch generations through the simulator until it holds BENCH_RUNS; 0: measure the seed. */
const CREATE_RUNS = (process.env.BENCH_CREATE_RUNS ?? "1") !== "0";
const CREATE_CONCURRENCY = Number(process.env.BENCH_CREATE_CONCURRENCY ?? 20);
const LCP_LOADS = Number(process.env.BENCH_LCP_LOADS ?? 3);
const SCROLL_SECONDS = Number(process.env.BENCH_SCROLL_SECONDS ?? 5);
const SCROLL_STEP_PX = Number(process.env.BENCH_SCROLL_STEP ?? 120);
/** Longest wait for one more page of runs while loading them all. */
const PAGE_TIMEOUT_MS = Number(process.env.BENCH_PAGE_TIMEOUT_MS ?? 15_000);
/** The simulator's own default; a run it launches ends this long after creation. */
const SIMULATOR_RUN_SECONDS = Number(process.env.SIMULATOR_RUN_SECONDS || 6);
const VIEWPORT = { width: 1280, height: 800 };
const HISTORY_API = "/api/history/generations";
/**
 * The list of runs. The page scrolls, not the list: rows are windowed against the window's
 * scroll, and have no fixed height (they are measured), so positions are read from the page.
 */
const LIST = '[role="list"][aria-label="Generations, newest first"]';
const ALL_LOADED_TEXT = "That is all of them.";

const round = (value: number) => Math.round(value * 100) / 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => percentile(values, 50);

function stats(values: number[]) {
  if (values.length === 0) return { count: 0, p50: null, p95: null, max: null };
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
  };
}

// ---------------------------------------------------------------------------------------
// Simulator: more runs than the seed holds

interface SimState {
  balance: number;
  generations: { total: number; by_status: Record<string, number> };
}

async function simState(stack: Stack): Promise<SimState> {
  return (await (await fetch(`${stack.simulatorOrigin}/_sim/state`)).json()) as SimState;
}

/** Launches `count` text generations straight on the simulator, then waits for them to end. */
async function createRuns(stack: Stack, count: number) {
  const credits = await fetch(`${stack.simulatorOrigin}/_sim/credits`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ balance: 100_000 }),
  });
  if (!credits.ok) throw new Error(`could not top up the simulator's credits (${credits.status})`);
  const body = JSON.stringify({ type: "text", prompt: "bench", workspace_id: "ws_northwind", project_id: "prj_springcampaign" });
  const started = performance.now();
  const failures: string[] = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      next++;
      const response = await fetch(`${stack.simulatorOrigin}/api/v1/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.simulatorKey}`, "content-type": "application/json" },
        body,
      });
      if (!response.ok) failures.push(`${response.status} ${await response.text()}`);
      else await response.arrayBuffer();
    }
  }
  await Promise.all(Array.from({ length: Math.min(CREATE_CONCURRENCY, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failures.length > 0) throw new Error(`${failures.length} of ${count} launches failed, first: ${failures[0]}`);
  // The list should show finished runs, not thousands of live ones the page would poll.
  await sleep(SIMULATOR_RUN_SECONDS * 1000 + 1000);
  return { created: count, seconds: round(seconds) };
}

// ---------------------------------------------------------------------------------------
// Browser

async function newContext(browser: Browser, appOrigin: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: appOrigin }]);
  // tsx compiles with esbuild's keepNames, which wraps the functions handed to
  // page.evaluate in calls to a `__name` helper the page does not have.
  await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
  return context;
}

interface LoadFigures {
  fcpMs: number | null;
  lcpMs: number | null;
  lcpElement: string | null;
  lcpSize: number | null;
  ttfbMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  scripts: ScriptResource[];
}

/** One cold load of /generations in a fresh context (empty cache). */
async function measureLoad(browser: Browser, appOrigin: string, cookie: string): Promise<LoadFigures> {
  const context = await newContext(browser, appOrigin, cookie);
  try {
    const page = await context.newPage();
    const response = await page.goto(`${appOrigin}/generations`, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`GET /generations answered ${response?.status()}`);
    await page.waitForSelector("[data-run-row]");
    await sleep(1000);
    const lcp = await page.evaluate(
      () =>
        new Promise<{ startTime: number; size: number; element: string } | null>((resolve) => {
          new PerformanceObserver((list) => {
            const last = list.getEntries().at(-1) as LargestContentfulPaint | undefined;
            if (!last) return;
            const element = last.element;
            const text = element?.textContent?.trim().slice(0, 60) ?? "";
            resolve({
              startTime: last.startTime,
              size: last.size,
              element: element ? `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}> ${text}` : last.url || "(removed)",
            });
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(null), 2000);
        }),
    );
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      return { ttfb: nav.responseStart, fcp, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    const scripts = await loadedScripts(page);
    return {
      fcpMs: timing.fcp === null ? null : round(timing.fcp),
      lcpMs: lcp ? round(lcp.startTime) : null,
      lcpElement: lcp?.element ?? null,
      lcpSize: lcp?.size ?? null,
      ttfbMs: round(timing.ttfb),
      domContentLoadedMs: round(timing.dcl),
      loadMs: round(timing.load),
      scripts,
    };
  } finally {
    await context.close();
  }
}


/** Scrolls the list to its end, page after page, until TARGET_RUNS are loaded or no more exist. */
async function loadAll(page: Page) {
  const list = page.locator(LIST);
  const cursors = new Set<string>();
  const pageMs: number[] = [];
  const httpErrors: string[] = [];
  let fromResponses = 0;
  let duplicatePages = 0;
  page.on("requestfinished", async (request) => {
    const url = new URL(request.url());
    const cursor = url.searchParams.get("cursor");
    // The page also polls the head of the list (no cursor) for new runs: not a page load.
    if (url.pathname !== HISTORY_API || !cursor) return;
    const response = await request.response();
    if (!response?.ok()) {
      httpErrors.push(`${response?.status()} ${url.pathname}${url.search}`);
      return;
    }
    const body = (await response.json()) as { runs: unknown[] };
    if (cursors.has(cursor)) duplicatePages++;
    else fromResponses += body.runs.length;
    cursors.add(cursor);
    pageMs.push(request.timing().responseEnd);
  });
  page.on("requestfailed", (request) => {
    if (new URL(request.url()).pathname === HISTORY_API) httpErrors.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
  });

  // The list says how many runs it holds (data-loaded); the first page comes with the HTML.
  const loadedRuns = () => list.evaluate((el) => Number(el.getAttribute("data-loaded")));
  const allShown = () => list.evaluate((el, text) => el.textContent?.includes(text) ?? false, ALL_LOADED_TEXT);
  const firstPage = await loadedRuns();
  const started = performance.now();
  let stalled = false;
  let done = await allShown();
  while (!done && firstPage + fromResponses < TARGET_RUNS) {
    const before = await loadedRuns();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    try {
      // A page has arrived and been rendered (the list holds more runs), or the end was reached.
      await page.waitForFunction(
        ({ selector, loaded, text }) => {
          const el = document.querySelector(selector);
          return Number(el?.getAttribute("data-loaded")) > loaded || (el?.textContent?.includes(text) ?? false);
        },
        { selector: LIST, loaded: before, text: ALL_LOADED_TEXT },
        { timeout: PAGE_TIMEOUT_MS, polling: 25 },
      );
    } catch {
      stalled = true;
      break;
    }
    done = await allShown();
  }
  const seconds = (performance.now() - started) / 1000;
  await sleep(200); // let the last response's handler finish counting
  return {
    first_page_runs: firstPage,
    loaded_runs: firstPage + fromResponses,
    loaded_runs_in_list: await loadedRuns(),
    pages_fetched: cursors.size,
    duplicate_pages: duplicatePages,
    all_of_them_shown: await allShown(),
    stalled,
    seconds: round(seconds),
    page_request_ms: stats(pageMs),
    http_errors: httpErrors,
  };
}

/** Elements inside the list (the goal's figure), rows, and all nodes, at one position of the page. */
async function domSize(page: Page, where: "top" | "middle" | "bottom") {
  return page.locator(LIST).evaluate(async (el, position) => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const max = scroller.scrollHeight - scroller.clientHeight;
    scroller.scrollTop = position === "top" ? 0 : position === "middle" ? Math.round(max / 2) : max;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    let nodes = 0;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes++;
    return {
      position,
      scroll_top: scroller.scrollTop,
      elements: el.querySelectorAll("*").length,
      nodes_with_text: nodes,
      rows: el.querySelectorAll("[data-run-row]").length,
      document_elements: document.querySelectorAll("*").length,
    };
  }, where);
}

/**
 * Scripted scroll: a requestAnimationFrame loop moves the page's scrollTop down by a fixed
 * step each frame. Per frame it records the rAF timestamp (the frame's start on the performance
 * timeline) and, through a MessageChannel message posted from the callback, when the main
 * thread was free again after the frame's scroll handlers (the virtualiser renders in
 * flushSync there), rAF callbacks, style, layout and paint.
 */
async function scrollFrames(page: Page, startTop: number) {
  await page.evaluate(async (top) => {
    (document.scrollingElement ?? document.documentElement).scrollTop = top;
    // Let the rows in view settle (their images load) before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }, startTop);
  return page.locator(LIST).evaluate(
    async (list, { seconds, step }) => {
      const el = document.scrollingElement ?? document.documentElement;
      interface LoafEntry extends PerformanceEntry {
        blockingDuration: number;
        scripts?: Array<{ invoker: string; duration: number; sourceURL: string; sourceFunctionName: string }>;
      }
      const describe = (entry: LoafEntry) => ({
        start: entry.startTime,
        duration: entry.duration,
        blocking: entry.blockingDuration,
        scripts: (entry.scripts ?? []).map((script) => ({
          invoker: script.invoker,
          duration: Math.round(script.duration),
          source: `${script.sourceURL.split("/").at(-1)} ${script.sourceFunctionName}`.trim(),
        })),
      });
      const loafSupported = PerformanceObserver.supportedEntryTypes.includes("long-animation-frame");
      const longFrames: Array<ReturnType<typeof describe>> = [];
      const observer = loafSupported
        ? new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as LoafEntry[]) longFrames.push(describe(entry));
          })
        : null;
      observer?.observe({ type: "long-animation-frame" });

      const frameStarts: number[] = [];
      const callbackAt: number[] = [];
      const firstWorkAt: number[] = [];
      const frameEnds = new Map<number, number>();
      let firstScrollEvent: number | null = null;
      const onScroll = () => {
        firstScrollEvent ??= performance.now();
      };
      window.addEventListener("scroll", onScroll, { capture: true, passive: true });
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<number>) => frameEnds.set(event.data, performance.now());

      const max = el.scrollHeight - el.clientHeight;
      let position = el.scrollTop;
      const startTop = position;
      await new Promise<void>((resolve) => {
        let first = -1;
        const frame = (timestamp: number) => {
          const now = performance.now();
          if (first < 0) first = timestamp;
          const index = frameStarts.length;
          frameStarts.push(timestamp);
          callbackAt.push(now);
          firstWorkAt.push(Math.min(firstScrollEvent ?? now, now));
          firstScrollEvent = null;
          position = Math.min(max, position + step);
          el.scrollTop = position;
          channel.port2.postMessage(index);
          if (timestamp - first < seconds * 1000 && position < max) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      window.removeEventListener("scroll", onScroll, { capture: true });
      if (observer) {
        for (const entry of observer.takeRecords() as LoafEntry[]) longFrames.push(describe(entry));
        observer.disconnect();
      }
      const frameEndsList = frameStarts.map((_, index) => frameEnds.get(index) ?? null);
      return {
        startTop,
        endTop: el.scrollTop,
        frameStarts,
        callbackAt,
        firstWorkAt,
        frameEnds: frameEndsList,
        loafSupported,
        longFrames,
        rowsAtEnd: list.querySelectorAll("[data-run-row]").length,
      };
    },
    { seconds: SCROLL_SECONDS, step: SCROLL_STEP_PX },
  );
}

type CdpMetrics = Record<string, number>;

/**
 * Where row `row` starts on the page, about: rows have no fixed height, so the list's height
 * over the runs it holds is the row height used (to start a pass and to count rows scrolled).
 */
async function listGeometry(page: Page, row: number) {
  return page.locator(LIST).evaluate((el, index) => {
    const loaded = Number(el.getAttribute("data-loaded")) || 1;
    const rows = el.firstElementChild as HTMLElement;
    const rowHeight = rows.offsetHeight / loaded;
    return { rowHeight, top: rows.getBoundingClientRect().top + window.scrollY + index * rowHeight };
  }, row);
}

/** One scroll pass, from `startRow` down, with Chromium's main-thread counters around it. */
async function scrollPass(page: Page, cdp: CDPSession, label: string, startRow: number) {
  const geometry = await listGeometry(page, startRow);
  const before = await cdpMetrics(cdp);
  const scroll = await scrollFrames(page, geometry.top);
  const after = await cdpMetrics(cdp);

  const intervals = scroll.frameStarts.slice(1).map((t, i) => t - scroll.frameStarts[i]!);
  const callbackIntervals = scroll.callbackAt.slice(1).map((t, i) => t - scroll.callbackAt[i]!);
  // Work per frame, from the frame's start (vsync, the rAF timestamp) to the main thread
  // being free again after paint: what has to fit in the frame budget.
  const frameWork = scroll.frameEnds.flatMap((end, i) => (end === null ? [] : [end - scroll.frameStarts[i]!]));
  // The same, from the first thing the main thread did for the frame (the scroll event, or
  // the rAF callback): leaves out the wait between vsync and the main thread starting.
  const busyWork = scroll.frameEnds.flatMap((end, i) => (end === null ? [] : [end - scroll.firstWorkAt[i]!]));
  const vsync = intervals.length > 0 ? median(intervals) : 16.67;
  const frames = intervals.length;
  const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  return {
    label,
    start_row: startRow,
    mean_row_height_px: round(geometry.rowHeight),
    rows_scrolled: Math.round((scroll.endTop - scroll.startTop) / geometry.rowHeight),
    seconds: frames > 0 ? round((scroll.frameStarts.at(-1)! - scroll.frameStarts[0]!) / 1000) : 0,
    frames,
    vsync_ms: round(vsync),
    frame_interval_ms: stats(intervals),
    frame_interval_by_callback_clock_ms: stats(callbackIntervals),
    frames_over_16_7ms: intervals.filter((value) => value > 16.7).length,
    missed_vsyncs: intervals.filter((value) => value > vsync * 1.5).length,
    // rAF timestamps stay on the vsync grid even when a callback runs late; the callbacks'
    // own clock shows the lateness.
    late_callbacks: callbackIntervals.filter((value) => value > vsync * 1.5).length,
    frame_work_from_vsync_ms: stats(frameWork),
    frame_work_from_first_task_ms: stats(busyWork),
    frames_with_work_over_16ms: frameWork.filter((value) => value > 16).length,
    long_animation_frames: {
      supported: scroll.loafSupported,
      count: scroll.longFrames.length,
      max_duration_ms: scroll.longFrames.length ? round(Math.max(...scroll.longFrames.map((f) => f.duration))) : 0,
      max_blocking_ms: scroll.longFrames.length ? round(Math.max(...scroll.longFrames.map((f) => f.blocking))) : 0,
      entries: scroll.longFrames.map((f) => ({ ...f, start: round(f.start), duration: round(f.duration) })),
    },
    main_thread_per_frame_ms: frames
      ? {
          task: round((delta("TaskDuration") * 1000) / frames),
          script: round((delta("ScriptDuration") * 1000) / frames),
          layout: round((delta("LayoutDuration") * 1000) / frames),
          recalc_style: round((delta("RecalcStyleDuration") * 1000) / frames),
        }
      : null,
    rows_rendered_at_end: scroll.rowsAtEnd,
  };
}

/** Chromium's cumulative main-thread counters (seconds): TaskDuration, ScriptDuration, … */
async function cdpMetrics(session: CDPSession): Promise<CdpMetrics> {
  const { metrics } = (await session.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

// ---------------------------------------------------------------------------------------

async function main() {
  const stack = await startStack(root);
  let browser: Browser | undefined;
  try {
    const cookie = await signIn(stack.appOrigin, "admin@atelier.local", "atelier-demo");
    const seeded = await simState(stack);
    const missing = TARGET_RUNS - seeded.generations.total;
    const creation = CREATE_RUNS && missing > 0 ? await createRuns(stack, missing) : { created: 0, seconds: 0 };
    const held = await simState(stack);
    const expected = Math.min(TARGET_RUNS, held.generations.total);
    console.log(
      `simulator: ${seeded.generations.total} seeded generations, ${creation.created} launched in ${creation.seconds} s, ` +
        `${held.generations.total} now (${JSON.stringify(held.generations.by_status)})`,
    );

    // Warm the server's /generations route (first compile of the page, connection pools),
    // so the loads below measure the page rather than the first request after start.
    for (let i = 0; i < 2; i++) await (await fetch(`${stack.appOrigin}/generations`, { headers: { cookie } })).text();

    browser = await chromium.launch(chromiumLaunchOptions());
    const browserVersion = browser.version();

    // 1 and 2. Cold loads: LCP, and the JS the first one loaded.
    const loads: LoadFigures[] = [];
    for (let i = 0; i < LCP_LOADS; i++) loads.push(await measureLoad(browser, stack.appOrigin, cookie));
    const lcps = loads.map((load) => load.lcpMs).filter((value): value is number => value !== null);
    const lcpMedian = lcps.length === LCP_LOADS ? median(lcps) : null;
    const js = firstLoadJs(loads[0]!.scripts, path.join(root, ".next"));
    const sameScripts = loads.every(
      (load) => JSON.stringify([...new Set(load.scripts.map((s) => s.path))].sort()) === JSON.stringify([...new Set(loads[0]!.scripts.map((s) => s.path))].sort()),
    );

    // 3 to 5. One page: load all runs, count the DOM, scroll.
    const context = await newContext(browser, stack.appOrigin, cookie);
    const page = await context.newPage();
    await page.goto(`${stack.appOrigin}/generations`, { waitUntil: "load" });
    await page.waitForSelector("[data-run-row]");
    const load = await loadAll(page);
    const loadOk = !load.stalled && load.http_errors.length === 0 && load.loaded_runs >= expected;

    const dom = [await domSize(page, "top"), await domSize(page, "middle"), await domSize(page, "bottom")];
    const maxElements = Math.max(...dom.map((d) => d.elements));

    // Two passes: the top of the list (with BENCH_CREATE_RUNS, the launched text runs, no
    // media) and the first seeded runs (image thumbnails, videos, audio: the heavier rows).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const passes = [await scrollPass(page, cdp, "top of the list", 0)];
    if (creation.created > 0) passes.push(await scrollPass(page, cdp, "seeded runs (media)", creation.created));
    await context.close();
    const worstP95 = Math.max(...passes.map((pass) => pass.frame_work_from_vsync_ms.p95 ?? Infinity));

    const report = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}, chromium ${browserVersion}, viewport ${VIEWPORT.width}x${VIEWPORT.height}`,
      simulator: {
        seeded_generations: seeded.generations.total,
        launched_for_bench: creation.created,
        launch_seconds: creation.seconds,
        generations: held.generations.total,
        by_status: held.generations.by_status,
        note:
          held.generations.total >= TARGET_RUNS
            ? `the simulator seeds ${seeded.generations.total} generations; ${creation.created} more were launched through its API to reach ${TARGET_RUNS}`
            : `the simulator holds ${held.generations.total} generations, fewer than ${TARGET_RUNS}: measured with all of them loaded`,
      },
      lcp: {
        loads: loads.map(({ scripts: _scripts, ...rest }) => rest),
        median_ms: lcpMedian,
      },
      first_load_js: { ...js, kb_gzip: round(js.gzip_bytes / 1000), same_files_on_every_load: sameScripts },
      load_all: { target_runs: TARGET_RUNS, expected_runs: expected, ...load },
      dom: { positions: dom, max_elements: maxElements },
      scroll: { step_px_per_frame: SCROLL_STEP_PX, target_seconds: SCROLL_SECONDS, passes, worst_p95_frame_work_ms: worstP95 },
      goals: {
        dom_elements_at_most_600: maxElements <= 600,
        p95_frame_work_at_most_16ms: worstP95 <= 16,
        first_load_js_at_most_150kb_gzip: js.missing.length === 0 && js.gzip_bytes <= 150_000,
        lcp_at_most_1s: lcpMedian !== null && lcpMedian <= 1000,
      },
    };

    const ok = (pass: boolean) => (pass ? "pass" : "FAIL");
    console.log(`\n/generations with ${load.loaded_runs} runs loaded, headless Chromium ${browserVersion}, ${VIEWPORT.width}x${VIEWPORT.height}\n`);
    console.log(`simulator: ${report.simulator.note}`);
    console.log(`LCP (${LCP_LOADS} cold loads, fresh context each):`);
    console.log(`  ${loads.map((l) => `${l.lcpMs ?? "n/a"} ms`).join(", ")}   median ${lcpMedian ?? "n/a"} ms (goal ≤ 1000) ${ok(report.goals.lcp_at_most_1s)}`);
    console.log(
      `  element: ${loads[0]!.lcpElement ?? "n/a"}; FCP ${loads.map((l) => l.fcpMs ?? "n/a").join(", ")} ms; ` +
        `TTFB ${loads.map((l) => l.ttfbMs).join(", ")} ms`,
    );
    console.log(`first-load JS of /generations (first load, .next/static files, gzip -9):`);
    console.log(
      `  ${js.files} files, ${report.first_load_js.kb_gzip} kB gzip (${round(js.raw_bytes / 1000)} kB raw, ` +
        `${round(js.served_encoded_bytes / 1000)} kB as served) (goal ≤ 150) ${ok(report.goals.first_load_js_at_most_150kb_gzip)}`,
    );
    console.log(`  of which ${round(js.gzip_bytes_every_page / 1000)} kB in the chunks every page loads (rootMainFiles), ${round((js.gzip_bytes - js.gzip_bytes_every_page) / 1000)} kB in the others`);
    if (js.missing.length) console.log(`  not found on disk: ${js.missing.join(", ")}`);
    console.log(`loading all runs (scroll to the end, page after page):`);
    console.log(
      `  ${load.loaded_runs} runs (${load.loaded_runs_in_list} in the list) of ${expected} expected, ${load.pages_fetched} pages in ${load.seconds} s, ` +
        `page request p50 ${load.page_request_ms.p50} ms p95 ${load.page_request_ms.p95} ms${load.all_of_them_shown ? ', "That is all of them." shown' : ""}`,
    );
    console.log(`DOM of the list (elements in the list, page scrolled to its top / middle / bottom):`);
    console.log(
      `  ${dom.map((d) => d.elements).join(" / ")} elements, ${dom.map((d) => d.rows).join(" / ")} rows, max ${maxElements} (goal ≤ 600) ${ok(report.goals.dom_elements_at_most_600)}`,
    );
    console.log(`scripted scroll, ${SCROLL_STEP_PX} px per frame for ${SCROLL_SECONDS} s, per pass:`);
    for (const pass of passes) {
      const fw = pass.frame_work_from_vsync_ms;
      const fb = pass.frame_work_from_first_task_ms;
      const fi = pass.frame_interval_ms;
      const fc = pass.frame_interval_by_callback_clock_ms;
      const m = pass.main_thread_per_frame_ms;
      console.log(`  ${pass.label}: from row ${pass.start_row}, ${pass.rows_scrolled} rows, ${pass.frames} frames in ${pass.seconds} s, vsync ${pass.vsync_ms} ms`);
      console.log(`    work per frame, vsync → main thread free after paint     p50 ${fw.p50} ms  p95 ${fw.p95} ms  max ${fw.max} ms`);
      console.log(`    (from the frame's first scroll event or rAF callback     p50 ${fb.p50} ms  p95 ${fb.p95} ms  max ${fb.max} ms)`);
      console.log(`    frame interval (rAF timestamps)                          p50 ${fi.p50} ms  p95 ${fi.p95} ms  max ${fi.max} ms`);
      console.log(`    interval between rAF callbacks (performance.now())       p50 ${fc.p50} ms  p95 ${fc.p95} ms  max ${fc.max} ms`);
      console.log(
        `    intervals > 16.7 ms: ${pass.frames_over_16_7ms} (the clock has 0.1 ms steps), missed vsyncs (> 1.5 × vsync): ` +
          `${pass.missed_vsyncs} by timestamp, ${pass.late_callbacks} by callback, ` +
          `long animation frames (≥ 50 ms): ${pass.long_animation_frames.supported ? pass.long_animation_frames.count : "not supported"}`,
      );
      if (m) console.log(`    main thread per frame (CDP, mean): task ${m.task} ms, script ${m.script} ms, layout ${m.layout} ms, style ${m.recalc_style} ms`);
    }
    console.log(`  worst pass p95 work per frame ${worstP95} ms (goal ≤ 16) ${ok(report.goals.p95_frame_work_at_most_16ms)}`);
    if (!loadOk) {
      console.log(
        `\nLOAD FAILED: ${load.stalled ? `no new page within ${PAGE_TIMEOUT_MS} ms; ` : ""}` +
          `${load.loaded_runs} of ${expected} runs loaded; HTTP errors: ${load.http_errors.length ? load.http_errors.join("; ") : "none"}`,
      );
    }

    const outDir = path.join(root, "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `history-scroll-${report.date.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nfull figures: ${path.relative(root, outFile)}`);
    if (!loadOk || lcpMedian === null || !Number.isFinite(worstP95)) process.exitCode = 1;
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
