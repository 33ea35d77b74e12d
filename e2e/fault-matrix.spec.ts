import { expect, test, type APIResponse, type Page } from "@playwright/test";
import {
  byKey,
  expectRunShown,
  expectWithinDeadline,
  LAUNCH_DEADLINE_MS,
  LAUNCH_SURFACES,
  READ_DEADLINE_MS,
  SAME_KEY_MESSAGE,
  startLongRun,
  startUpstreamRun,
  statusFault,
  TECHNIQUE_RUN,
  timed,
  TRICKLE,
  unique,
  upstreamCalls,
  waitUpstreamStatus,
  type Fault,
  type LaunchFormHandle,
} from "./support/fault-matrix";
import { expectErrorEnvelope } from "./support/gateway";
import { HistoryPage } from "./support/history-page";
import { RunPage } from "./support/run-page";
import { serverRssMb } from "./support/server-memory";
import { clearFaults, clearSimulatorRequests, injectFault, simulatorRequests, simulatorState } from "./support/simulator";
import { storageStateOf } from "./support/users";

/**
 * Issue 12, section 1: every upstream fault against every surface that reads FLORA (a run
 * poll, a history page) or launches on it (a generation, a technique run). For each: the
 * gateway's status and envelope, answered within its deadline; how many upstream calls it
 * made; that no paid run started twice; what the teammate sees; and, afterwards, a healthy
 * server whose memory came back. Faults are armed through the simulator's control API and
 * cleared after every test.
 */

test.use({ storageState: storageStateOf("member") });

let rssAtStart = 0;
test.beforeAll(() => {
  rssAtStart = serverRssMb();
});

test.afterEach(async ({ request }) => {
  await clearFaults();
  expect((await request.get("/api/health")).status()).toBe(200);
});

const HANG: Fault = { kind: "hang" };
const RESET: Fault = { kind: "reset" };
const TRUNCATED: Fault = { kind: "truncated" };
/** Long enough for every attempt a test makes while the fault should hold; cleared after. */
const HOLDS_MS = 40_000;

/**
 * The gateway shares a list page for a second (LIST_FRESH_MS), so a page the last test read
 * could answer this one's without asking FLORA. Each history test therefore reads its own
 * page size (direct requests) and opens its own filtered view of the history (pages), both
 * unseen before, so every read in a test meets that test's fault.
 */
let historyLimit = 10;
/** Where the run that fails after a 200 shows (kept out of the views the faults use). */
const FAILED_RUNS_VIEW = "/generations?project=prj_springcampaign&status=failed";
const historyQuery = () => `/generations?limit=${++historyLimit}`;
const HISTORY_VIEWS = ["completed", "failed"].flatMap((status) =>
  ["prj_springcampaign", "prj_productlaunch", "prj_socialcuts", "prj_moodboards", "prj_podcastintro", "prj_copylab", "prj_scratchpad"].map(
    (project) => `/generations?project=${project}&status=${status}`,
  ),
).filter((view) => view !== FAILED_RUNS_VIEW);
let historyViewsUsed = 0;
const historyView = () => HISTORY_VIEWS[historyViewsUsed++ % HISTORY_VIEWS.length]!;

/** How many upstream calls a fault answered since the log was cleared. */
async function faultsMet() {
  return (await simulatorRequests()).filter((entry) => entry.fault).length;
}

/**
 * Once FLORA answers again, a reload shows the run. (Reloading, not "Retry now": see the
 * test of that button below.)
 */
async function runPageRecovers(page: Page) {
  await page.reload();
  await expectRunShown(page);
}

/** Once FLORA answers again: the history retries (or is reloaded) and shows its rows. */
async function historyRecovers(page: Page) {
  const retry = page.getByRole("button", { name: "Retry", exact: true });
  if (await retry.isVisible()) await retry.click();
  else await page.reload();
  await new HistoryPage(page).ready();
}

interface ReadCase {
  name: string;
  fault: Fault;
  /** Uses armed for the direct request: enough to outlast the gateway's retry, or to be absorbed by it. */
  times: number;
  answer: number;
  code?: string;
  retryAfter?: string;
  /** Upstream calls of the direct request. */
  calls: number;
  /** The answer waited out a Retry-After first. */
  atLeastMs?: number;
  /**
   * What the pages show: the run and rows (the gateway absorbed the fault), or, while the
   * fault holds, the run page's problem (or its not-found page) and the history's message.
   */
  pages: "absorbed" | { run: RegExp | "not found"; history: RegExp };
}

const NOT_REACHABLE = /FLORA is not reachable.*The dashboard could not get the run's status from FLORA/;

const READ_CASES: ReadCase[] = [
  {
    name: "429 with a short Retry-After is waited out once and the read succeeds",
    fault: statusFault(429, { "retry-after": "1" }),
    times: 1,
    answer: 200,
    calls: 2,
    atLeastMs: 1_000,
    pages: "absorbed",
  },
  {
    name: "429 with a long Retry-After comes back as 429 at once, with its Retry-After",
    fault: statusFault(429, { "retry-after": "3600" }),
    times: 1,
    answer: 429,
    code: "rate_limited",
    retryAfter: "3600",
    calls: 1,
    pages: { run: /Rate limited.*waiting before it asks again\. Retrying at/, history: /Rate limited, retrying at/ },
  },
  { name: "a 500 once is retried and the read succeeds", fault: statusFault(500), times: 1, answer: 200, calls: 2, pages: "absorbed" },
  {
    name: "a connection reset is retried once, then 502",
    fault: RESET,
    times: 2,
    answer: 502,
    code: "upstream_error",
    calls: 2,
    pages: { run: NOT_REACHABLE, history: /Could not load the runs\.FLORA could not be reached\. Try again in a moment\./ },
  },
  {
    name: "a truncated JSON body is 502 at once, not retried",
    fault: TRUNCATED,
    times: 1,
    answer: 502,
    code: "upstream_invalid",
    calls: 1,
    pages: { run: NOT_REACHABLE, history: /Could not load the runs\.FLORA sent an answer the dashboard could not read\./ },
  },
  {
    name: "402 is passed on as 402, not retried",
    fault: statusFault(402),
    times: 1,
    answer: 402,
    code: "insufficient_credits",
    calls: 1,
    pages: { run: /FLORA credits have run out/, history: /Could not load the runs\.The team's FLORA credits have run out\./ },
  },
  {
    name: "404 is passed on as 404, not retried",
    fault: statusFault(404),
    times: 1,
    answer: 404,
    code: "not_found",
    calls: 1,
    pages: { run: "not found", history: /Could not load the runs\.FLORA has no such item\./ },
  },
];

async function expectReadAnswer(c: ReadCase, response: APIResponse, ms: number) {
  expectWithinDeadline({ response, ms }, READ_DEADLINE_MS);
  if (c.atLeastMs) expect(ms).toBeGreaterThanOrEqual(c.atLeastMs);
  if (c.answer === 200) expect(response.status(), await response.text()).toBe(200);
  else await expectErrorEnvelope(response, c.answer, c.code!);
  if (c.retryAfter) expect(response.headers()["retry-after"]).toBe(c.retryAfter);
}

test.describe("reads: a run poll and the run page", () => {
  for (const c of READ_CASES) {
    test(c.name, async ({ page }) => {
      test.setTimeout(45_000);
      const [directRun, pageRun] = await Promise.all([startLongRun(), startLongRun()]);
      await injectFault({ method: "GET", path: `/runs/${directRun}`, times: c.times, fault: c.fault });
      await clearSimulatorRequests();
      const { response, ms } = await timed(() => page.request.get(`/api/v1/runs/${directRun}`));
      await expectReadAnswer(c, response, ms);
      if (c.answer === 200) expect((await response.json()).run_id).toBe(directRun);
      expect(await upstreamCalls("GET", `/runs/${directRun}`)).toHaveLength(c.calls);

      const runPage = new RunPage(page);
      await clearSimulatorRequests();
      if (c.pages === "absorbed") {
        await injectFault({ method: "GET", path: `/runs/${pageRun}`, times: c.times, fault: c.fault });
        await page.goto(`/runs/${pageRun}`);
        await expectRunShown(page);
        expect(await faultsMet()).toBe(1);
        return;
      }
      await injectFault({ method: "GET", path: `/runs/${pageRun}`, for_ms: HOLDS_MS, fault: c.fault });
      const opened = await page.goto(`/runs/${pageRun}`);
      if (c.pages.run === "not found") {
        expect(opened?.status()).toBe(404);
        await expect(page.getByRole("heading", { level: 1, name: "Run not found" })).toBeVisible();
        return;
      }
      await expect(runPage.problem()).toHaveText(c.pages.run);
      await clearFaults();
      await runPageRecovers(page);
    });
  }

  test("a 503 storm: every poll is 502 within the deadline after one retry; the page says so, then recovers", async ({ page }) => {
    const [directRun, pageRun] = await Promise.all([startLongRun(), startLongRun()]);
    await injectFault({ method: "GET", path: "/runs/", for_ms: 30_000, fault: statusFault(503) });
    await clearSimulatorRequests();
    for (let poll = 0; poll < 3; poll += 1) {
      const { response, ms } = await timed(() => page.request.get(`/api/v1/runs/${directRun}`));
      await expectErrorEnvelope(response, 502, "upstream_error");
      expectWithinDeadline({ response, ms }, READ_DEADLINE_MS);
    }
    expect(await upstreamCalls("GET", `/runs/${directRun}`)).toHaveLength(6);

    await page.goto(`/runs/${pageRun}`);
    await expect(new RunPage(page).problem()).toHaveText(/FLORA is not reachable.*Retrying at/);
    await clearFaults();
    await runPageRecovers(page);
  });

  test("Retry now asks FLORA at once on a page that never read the run", async ({ page }) => {
    // Found by this matrix: before the first good read the query has no data, and a plain
    // refetch joined the fetch waiting out its retry delay (here an hour away).
    const pageRun = await startLongRun();
    await injectFault({ method: "GET", path: `/runs/${pageRun}`, for_ms: HOLDS_MS, fault: statusFault(429, { "retry-after": "3600" }) });
    await page.goto(`/runs/${pageRun}`);
    const runPage = new RunPage(page);
    await expect(runPage.problem()).toHaveText(/Rate limited.*Retrying at/);
    await clearFaults();
    await page.getByRole("button", { name: "Retry now" }).click();
    await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/, { timeout: 3_000 });
  });

  test("a run that fails after a 200: the poll answers 200 with the failure, read upstream once; the page shows it", async ({ page }) => {
    const [ended, watched] = await Promise.all([
      startUpstreamRun(`[fail] [run-seconds:1] ${unique("fails")}`),
      startUpstreamRun(`[fail] [run-seconds:4] ${unique("fails")}`),
    ]);
    await waitUpstreamStatus(ended, "failed");
    await clearSimulatorRequests();
    const { response, ms } = await timed(() => page.request.get(`/api/v1/runs/${ended}`));
    expectWithinDeadline({ response, ms }, READ_DEADLINE_MS);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ run_id: ended, status: "failed", error_code: "provider_error" });
    // A finished run cannot change: asking again is answered from memory.
    expect((await page.request.get(`/api/v1/runs/${ended}`)).status()).toBe(200);
    expect(await upstreamCalls("GET", `/runs/${ended}`)).toHaveLength(1);

    await page.goto(`/runs/${watched}`);
    await new RunPage(page).expectStatus("Failed", 15_000);
    await expect(page.getByTestId("run-error-code")).toHaveText("provider_error");
  });
});

test.describe("reads: a history page", () => {
  for (const c of READ_CASES) {
    test(c.name, async ({ page }) => {
      test.setTimeout(45_000);
      const query = historyQuery();
      await injectFault({ method: "GET", path: "/generations", times: c.times, fault: c.fault });
      await clearSimulatorRequests();
      const { response, ms } = await timed(() => page.request.get(`/api/v1${query}`));
      await expectReadAnswer(c, response, ms);
      if (c.answer === 200) expect(Array.isArray((await response.json()).generations)).toBe(true);
      expect(await upstreamCalls("GET", query)).toHaveLength(c.calls);

      await clearFaults();
      await clearSimulatorRequests();
      const history = new HistoryPage(page);
      if (c.pages === "absorbed") {
        await injectFault({ method: "GET", path: "/generations", times: c.times, fault: c.fault });
        await page.goto(historyView());
        await history.ready();
        expect(await faultsMet()).toBe(1);
        return;
      }
      await injectFault({ method: "GET", path: "/generations", for_ms: HOLDS_MS, fault: c.fault });
      await page.goto(historyView());
      // The browser retries a failed first page twice (2 s, then 4 s apart) before it says so.
      await expect(page.getByRole("main")).toContainText(c.pages.history, { timeout: 15_000 });
      await expect(history.rows()).toHaveCount(0);
      await clearFaults();
      await historyRecovers(page);
    });
  }

  test("a 503 storm: every page read is 502 within the deadline after one retry; the page says so, then recovers", async ({ page }) => {
    await injectFault({ method: "GET", path: "/generations", for_ms: 30_000, fault: statusFault(503) });
    const query = historyQuery();
    await clearSimulatorRequests();
    for (let read = 0; read < 3; read += 1) {
      const { response, ms } = await timed(() => page.request.get(`/api/v1${query}`));
      await expectErrorEnvelope(response, 502, "upstream_error");
      expectWithinDeadline({ response, ms }, READ_DEADLINE_MS);
    }
    expect(await upstreamCalls("GET", query)).toHaveLength(6);

    await page.goto(historyView());
    await expect(page.getByRole("main")).toContainText(/Could not load the runs\.FLORA is having trouble\. Try again in a moment\./, { timeout: 15_000 });
    await clearFaults();
    await historyRecovers(page);
  });

  test("a run that fails after a 200: the page answers 200 with the failed run; its row says so", async ({ page }) => {
    const runId = await startUpstreamRun(`[fail] [run-seconds:1] ${unique("fails")}`);
    await waitUpstreamStatus(runId, "failed");
    const query = historyQuery();
    await clearSimulatorRequests();
    const { response, ms } = await timed(() => page.request.get(`/api/v1${query}`));
    expectWithinDeadline({ response, ms }, READ_DEADLINE_MS);
    expect(response.status()).toBe(200);
    const { generations } = (await response.json()) as { generations: Array<{ run_id: string }> };
    expect(generations.find((run) => run.run_id === runId)).toMatchObject({ status: "failed", error_code: "provider_error" });
    expect(await upstreamCalls("GET", query)).toHaveLength(1);

    await page.goto(FAILED_RUNS_VIEW);
    const row = page.locator(`[data-run-id="${runId}"]`);
    await expect(row).toContainText("Failed");
    await expect(row).toContainText("provider_error");
  });
});

interface LaunchCase {
  name: string;
  fault: Fault | null;
  times?: number;
  /** Put before the launch's text (a prompt directive). */
  directive?: string;
  answer: number;
  code?: string;
  retryAfter?: string;
  /** Upstream POSTs of one launch, all with one Idempotency-Key. */
  calls: number;
  /** Runs one launch started upstream. */
  runs: 0 | 1;
  /** The form opens the run, opens it and watches it fail, or says why and keeps its input (and may launch again). */
  form: "opens" | "opens a failed run" | { says: string; launchAgain?: true };
}

const LAUNCH_CASES: LaunchCase[] = [
  {
    name: "429 with a short Retry-After is waited out once and one run starts",
    fault: statusFault(429, { "retry-after": "1" }),
    times: 1,
    answer: 200,
    calls: 2,
    runs: 1,
    form: "opens",
  },
  {
    name: "429 with a long Retry-After comes back as 429 at once and starts nothing",
    fault: statusFault(429, { "retry-after": "3600" }),
    times: 1,
    answer: 429,
    code: "rate_limited",
    retryAfter: "3600",
    calls: 1,
    runs: 0,
    form: { says: "FLORA is rate limiting the team's key. Try again in 3600 s; your form is kept." },
  },
  { name: "a 500 once is retried with the same key and one run starts", fault: statusFault(500), times: 1, answer: 200, calls: 2, runs: 1, form: "opens" },
  {
    name: "a connection reset is retried once with the same key, then 502; launching again starts one run",
    fault: RESET,
    times: 2,
    answer: 502,
    code: "upstream_error",
    calls: 2,
    runs: 0,
    form: { says: SAME_KEY_MESSAGE, launchAgain: true },
  },
  {
    name: "a truncated JSON body is 502 at once; launching again starts one run",
    fault: TRUNCATED,
    times: 1,
    answer: 502,
    code: "upstream_invalid",
    calls: 1,
    runs: 0,
    form: { says: SAME_KEY_MESSAGE, launchAgain: true },
  },
  {
    name: "402 is passed on and starts nothing",
    fault: statusFault(402),
    times: 1,
    answer: 402,
    code: "insufficient_credits",
    calls: 1,
    runs: 0,
    form: { says: "The team's FLORA credits have run out, so nothing was launched. An admin can top them up in FLORA; your form is kept." },
  },
  {
    name: "404 is passed on and starts nothing",
    fault: statusFault(404),
    times: 1,
    answer: 404,
    code: "not_found",
    calls: 1,
    runs: 0,
    form: { says: "FLORA has no such item." },
  },
  { name: "a run that fails after a 200: one run, refunded", fault: null, directive: "[fail] ", answer: 200, calls: 1, runs: 1, form: "opens a failed run" },
];

for (const surface of LAUNCH_SURFACES) {
  test.describe(`launches: ${surface.name}`, () => {
    const arm = (c: LaunchCase) =>
      c.fault ? injectFault({ method: "POST", path: surface.faultPath, times: c.times ?? 1, fault: c.fault }) : Promise.resolve();

    for (const c of LAUNCH_CASES) {
      test(c.name, async ({ page }) => {
        test.setTimeout(60_000);
        const runsBefore = await surface.runCount();
        const balanceBefore = (await simulatorState()).balance;

        await arm(c);
        await clearSimulatorRequests();
        const { response, ms } = await surface.direct(page.request, `${c.directive ?? ""}${unique(c.name)}`);
        expectWithinDeadline({ response, ms }, LAUNCH_DEADLINE_MS);
        if (c.answer === 200) expect(response.status(), await response.text()).toBe(200);
        else await expectErrorEnvelope(response, c.answer, c.code!);
        if (c.retryAfter) expect(response.headers()["retry-after"]).toBe(c.retryAfter);
        const directCalls = await upstreamCalls("POST", surface.directPath);
        expect(directCalls).toHaveLength(c.calls);
        // A retry carries the first attempt's Idempotency-Key.
        expect(byKey(directCalls).size).toBe(1);
        expect(await surface.runCount()).toBe(runsBefore + c.runs);

        await clearFaults();
        const form = await surface.openForm(page);
        const text = `${c.directive ?? ""}${unique(c.name)}`;
        await form.fill(text);
        await arm(c);
        await clearSimulatorRequests();
        await form.launch();
        if (c.form === "opens" || c.form === "opens a failed run") {
          await expect(page).toHaveURL(surface.runUrl, { timeout: 15_000 });
        } else {
          await expect(form.failure()).toHaveText(c.form.says);
          await form.expectKept(text);
        }
        const formCalls = await upstreamCalls("POST", surface.formPath);
        expect(formCalls).toHaveLength(c.calls);
        expect(byKey(formCalls).size).toBe(1);
        expect(await surface.runCount()).toBe(runsBefore + 2 * c.runs);

        if (c.form === "opens a failed run") {
          await new RunPage(page).expectStatus("Failed", 15_000);
          await expect(page.getByTestId("run-error-code")).toHaveText("provider_error");
          // Both runs failed, so both were refunded: the launches cost nothing.
          await expect.poll(async () => (await simulatorState()).balance, { timeout: 15_000 }).toBeCloseTo(balanceBefore, 6);
        }
        if (typeof c.form === "object" && c.form.launchAgain) {
          await clearFaults();
          await form.launch();
          await expect(page).toHaveURL(surface.runUrl, { timeout: 15_000 });
          const again = byKey(await upstreamCalls("POST", surface.formPath));
          expect(again.size).toBe(1);
          expect([...again.values()][0]).toHaveLength(c.calls + 1);
          expect(await surface.runCount()).toBe(runsBefore + 1);
        }
      });
    }

    test("a 503 storm: every launch is 502 within the deadline after one retry with its key; nothing starts; launching again starts one run", async ({ page }) => {
      test.setTimeout(60_000);
      const runsBefore = await surface.runCount();
      const form = await surface.openForm(page);
      const text = unique("storm");
      await form.fill(text);
      await injectFault({ method: "POST", path: surface.faultPath, for_ms: 30_000, fault: statusFault(503) });
      await clearSimulatorRequests();
      for (let launch = 0; launch < 3; launch += 1) {
        const { response, ms } = await surface.direct(page.request, unique("storm"));
        await expectErrorEnvelope(response, 502, "upstream_error");
        expectWithinDeadline({ response, ms }, LAUNCH_DEADLINE_MS);
      }
      const direct = byKey(await upstreamCalls("POST", surface.directPath));
      expect([...direct.values()].map((calls) => calls.length)).toEqual([2, 2, 2]);

      await clearSimulatorRequests();
      await form.launch();
      await expect(form.failure()).toHaveText(SAME_KEY_MESSAGE);
      await form.expectKept(text);
      expect(await surface.runCount()).toBe(runsBefore);

      await clearFaults();
      await form.launch();
      await expect(page).toHaveURL(surface.runUrl, { timeout: 15_000 });
      const formCalls = byKey(await upstreamCalls("POST", surface.formPath));
      expect([...formCalls.values()].map((calls) => calls.map((call) => call.status))).toEqual([[503, 503, 200]]);
      expect(await surface.runCount()).toBe(runsBefore + 1);
    });
  });
}

/** The slow faults cost a whole deadline each, so every surface meets them at once. */
test.describe("slow faults, every surface at once", () => {
  /** A launch form per surface, each in its own tab, filled and ready to launch. */
  async function openForms(page: Page): Promise<Array<{ form: LaunchFormHandle; text: string; tab: Page }>> {
    return Promise.all(
      LAUNCH_SURFACES.map(async (surface) => {
        const tab = await page.context().newPage();
        const form = await surface.openForm(tab);
        const text = unique(`slow ${surface.name}`);
        await form.fill(text);
        return { form, text, tab };
      }),
    );
  }

  /**
   * Arms `fault` on both reads (a run poll each for the direct request and the page, and the
   * lists, for `listFaultMs`), and returns the check that reads both ways.
   */
  async function readsMeet(page: Page, fault: Fault, listFaultMs = HOLDS_MS) {
    const [directRun, pageRun] = await Promise.all([startLongRun(), startLongRun()]);
    const query = historyQuery();
    const view = historyView();
    const historyTab = await page.context().newPage();
    await Promise.all([
      injectFault({ method: "GET", path: `/runs/${directRun}`, times: 2, fault }),
      injectFault({ method: "GET", path: `/runs/${pageRun}`, for_ms: HOLDS_MS, fault }),
      injectFault({ method: "GET", path: "/generations", for_ms: listFaultMs, fault }),
    ]);
    return {
      async run() {
        const [poll, list] = await Promise.all([
          timed(() => page.request.get(`/api/v1/runs/${directRun}`, { timeout: 20_000 })),
          timed(() => page.request.get(`/api/v1${query}`, { timeout: 20_000 })),
          (async () => {
            await page.goto(`/runs/${pageRun}`, { timeout: 20_000 });
            await expect(new RunPage(page).problem()).toHaveText(NOT_REACHABLE);
          })(),
          (async () => {
            await historyTab.goto(view, { timeout: 20_000 });
            if (listFaultMs < HOLDS_MS) {
              // The list's fault ends before the browser's retries do: the page then reads it
              // (how briefly it showed "Loading runs" first depends on the machine's pace).
              await expect(new HistoryPage(historyTab).rows().first()).toBeVisible({ timeout: 20_000 });
            } else {
              // The first page could not be read: the list waits on the browser's own retries.
              await expect(historyTab.getByLabel("Loading runs")).toBeVisible();
              await expect(new HistoryPage(historyTab).rows()).toHaveCount(0);
            }
          })(),
        ]);
        for (const { response, ms } of [poll, list]) {
          await expectErrorEnvelope(response, 504, "upstream_timeout");
          expectWithinDeadline({ response, ms }, READ_DEADLINE_MS);
          expect(ms).toBeGreaterThan(READ_DEADLINE_MS - 1_000);
        }
        expect(await upstreamCalls("GET", `/runs/${directRun}`)).toHaveLength(2);
        expect(await upstreamCalls("GET", query)).toHaveLength(2);
      },
    };
  }

  test("no answer (hang): reads are 504 within 10 s, launches 504 within 30 s, each after one retry (a launch's with its key); nothing starts; launching again starts one run", async ({ page }) => {
    test.setTimeout(90_000);
    const forms = await openForms(page);
    const reads = await readsMeet(page, HANG);
    const runsBefore = await Promise.all(LAUNCH_SURFACES.map((surface) => surface.runCount()));
    await Promise.all(LAUNCH_SURFACES.map((surface) => injectFault({ method: "POST", path: surface.faultPath, for_ms: HOLDS_MS, fault: HANG })));
    await clearSimulatorRequests();
    const [, ...answers] = await Promise.all([
      reads.run(),
      ...LAUNCH_SURFACES.map((surface) => surface.direct(page.request, unique("hang"))),
      ...forms.map(async ({ form, text }) => {
        await form.launch();
        await expect(form.failure()).toHaveText(SAME_KEY_MESSAGE, { timeout: LAUNCH_DEADLINE_MS + 5_000 });
        await form.expectKept(text);
        return null;
      }),
    ]);
    for (const answer of answers) {
      if (!answer) continue;
      await expectErrorEnvelope(answer.response, 504, "upstream_timeout");
      expectWithinDeadline(answer, LAUNCH_DEADLINE_MS);
      expect(answer.ms).toBeGreaterThan(LAUNCH_DEADLINE_MS - 1_000);
    }
    // Direct and form: two launches per surface, two attempts each, one key per launch.
    expect([...byKey(await upstreamCalls("POST", "/generate")).values()].map((calls) => calls.length)).toEqual([2, 2]);
    expect([...byKey(await upstreamCalls("POST", TECHNIQUE_RUN.directPath)).values()].map((calls) => calls.length)).toEqual([2]);
    expect([...byKey(await upstreamCalls("POST", TECHNIQUE_RUN.formPath)).values()].map((calls) => calls.length)).toEqual([2]);
    expect(await Promise.all(LAUNCH_SURFACES.map((surface) => surface.runCount()))).toEqual(runsBefore);

    await clearFaults();
    await Promise.all(
      forms.map(async ({ form, tab }, index) => {
        await form.launch();
        await expect(tab).toHaveURL(LAUNCH_SURFACES[index]!.runUrl, { timeout: 15_000 });
      }),
    );
    expect(await Promise.all(LAUNCH_SURFACES.map((surface) => surface.runCount()))).toEqual(runsBefore.map((count) => count + 1));
  });

  test("a body that trickles slower than the deadline: reads are 504 within 10 s after one retry, the pages say so; a launch's run starts once, its retry's duplicate key finds it (200 within 30 s)", async ({ page }) => {
    test.setTimeout(60_000);
    const forms = await openForms(page);
    // The lists trickle for 12 s only: long enough for both reads' attempts (10 s) and the
    // history's first retry, over before a launch's retry (at 15 s) looks its run up in them.
    const reads = await readsMeet(page, TRICKLE, 12_000);
    const runsBefore = await Promise.all(LAUNCH_SURFACES.map((surface) => surface.runCount()));
    await Promise.all(LAUNCH_SURFACES.map((surface) => injectFault({ method: "POST", path: surface.faultPath, for_ms: HOLDS_MS, fault: TRICKLE })));
    await clearSimulatorRequests();
    const [, answers] = await Promise.all([
      reads.run(),
      Promise.all(LAUNCH_SURFACES.map((surface) => surface.direct(page.request, unique("trickle")))),
      ...forms.map(async ({ form, tab }, index) => {
        await form.launch();
        await expect(tab).toHaveURL(LAUNCH_SURFACES[index]!.runUrl, { timeout: LAUNCH_DEADLINE_MS + 5_000 });
      }),
    ]);
    for (const { response, ms } of answers) {
      expect(response.status(), await response.text()).toBe(200);
      expect(response.headers()["idempotent-replayed"]).toBe("true");
      expectWithinDeadline({ response, ms }, LAUNCH_DEADLINE_MS);
    }
    // Per launch: the first answer trickled until the attempt's deadline (never finished, so
    // no status), the retry with the same key was told "duplicate" and the run was found.
    const launches = [
      ...byKey(await upstreamCalls("POST", "/generate")).values(),
      ...byKey(await upstreamCalls("POST", TECHNIQUE_RUN.directPath)).values(),
      ...byKey(await upstreamCalls("POST", TECHNIQUE_RUN.formPath)).values(),
    ];
    expect(launches.map((calls) => calls.map((call) => call.status))).toEqual([
      [null, 409],
      [null, 409],
      [null, 409],
      [null, 409],
    ]);
    expect(await Promise.all(LAUNCH_SURFACES.map((surface) => surface.runCount()))).toEqual(runsBefore.map((count) => count + 2));
  });
});

test("afterwards: the server answers /api/health and its memory is back within 50 MB of where the matrix started", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  await expect.poll(() => serverRssMb() - rssAtStart, { timeout: 15_000, message: `RSS at start ${rssAtStart.toFixed(0)} MB` }).toBeLessThan(50);
});
