import { expect, test } from "@playwright/test";
import { blockEventStream, countRequests } from "./support/event-stream";
import { freshMember, signedOutPage, signInThrough } from "./support/fresh-teammate";
import { HistoryPage } from "./support/history-page";
import { launchGeneration, RunPage } from "./support/run-page";
import { clearSimulatorRequests, simulatorRequests } from "./support/simulator";
import { storageStateOf, usersCommand } from "./support/users";

// The tab's event stream (GET /api/events): run pages and live history rows hear of their
// runs from the server, which reads each run once for every tab watching it. Polling is
// the fallback (e2e/run-detail.spec.ts and e2e/polling-stops.spec.ts test it, stream blocked).

test("a run page follows its run on the event stream: it completes with no poll reaching the dashboard", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "pushed, not polled [run-seconds:6]" });
  const polls = countRequests(page, `/api/v1/runs/${runId}`);
  const streams = countRequests(page, "/api/events");
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/);
  await runPage.expectStatus("Completed", 20_000);
  await expect(runPage.outputs().first()).toBeVisible();
  expect(streams.count).toBeGreaterThanOrEqual(1);
  expect(polls.count).toBe(0);
});

test("with the event stream blocked, the run page still completes, by polling", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  await blockEventStream(page);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "a proxy ate my stream [run-seconds:4]" });
  const polls = countRequests(page, `/api/v1/runs/${runId}`);
  await page.goto(`/runs/${runId}`);
  await new RunPage(page).expectStatus("Completed", 20_000);
  expect(polls.count).toBeGreaterThanOrEqual(1);
});

test("three teammates watching one run on the stream: no page polls, and the upstream reads it once per interval, not per tab", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ baseURL, storageState: storageStateOf("admin") });
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "everyone is watching the stream [run-seconds:12]" });
  const polls = countRequests(context, `/api/v1/runs/${runId}`);
  await clearSimulatorRequests();
  const started = Date.now();
  const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
  await Promise.all(pages.map((page) => page.goto(`/runs/${runId}`)));
  await Promise.all(pages.map((page) => new RunPage(page).expectStatus("Completed", 30_000)));
  const seconds = (Date.now() - started) / 1000;
  const upstreamReads = (await simulatorRequests()).filter((r) => r.method === "GET" && r.path === `/api/v1/runs/${runId}`).length;
  await context.close();
  expect(polls.count).toBe(0);
  // One watcher for the three tabs reads every 1.5 s at most (the brisk pace), plus the three
  // page loads' own reads (coalesced within a second) and the read that found it completed.
  expect(upstreamReads).toBeLessThanOrEqual(Math.ceil(seconds / 1.5) + 4);
  expect(upstreamReads).toBeGreaterThanOrEqual(2);
});

test("a history row that is running completes on the stream, without polling its run", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "a row pushed along [run-seconds:6]" });
  const polls = countRequests(page, `/api/v1/runs/${runId}`);
  await page.goto("/generations");
  const row = new HistoryPage(page).list.locator(`[data-run-id="${runId}"]`);
  await expect(row).toHaveAttribute("data-status", /^(pending|running)$/);
  await expect(row).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  // The row reads its run once as it mounts; every change after that came on the stream.
  expect(polls.count).toBeLessThanOrEqual(1);
});

test("a session that ends is refused on the stream too: the run page says Signed out", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const email = freshMember("stream-session");
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "streamed until signed out [run-seconds:45]" });
  const { context, page } = await signedOutPage(browser, baseURL!);
  try {
    await signInThrough(page, email, `/runs/${runId}`);
    const runPage = new RunPage(page);
    await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/);
    expect(usersCommand(["sign-out-everywhere", email])).toContain(`Ended every session of ${email}.`);
    // The stream checks the session at its next heartbeat (15 s), ends, and the page's poll meets the 401.
    await expect(runPage.problem()).toContainText("Signed out", { timeout: 30_000 });
  } finally {
    await context.close();
  }
});

test("the stream refuses a signed-out request and a path that is not a run's, in FLORA's envelope", async ({ browser, baseURL }) => {
  const { context } = await signedOutPage(browser, baseURL!);
  try {
    const signedOut = await context.request.get("/api/events?watch=/api/v1/runs/run_x");
    expect(signedOut.status()).toBe(401);
    expect((await signedOut.json()).error.code).toBe("unauthorized");
  } finally {
    await context.close();
  }
  const admin = await browser.newContext({ baseURL, storageState: storageStateOf("admin") });
  try {
    const bad = await admin.request.get(`/api/events?watch=${encodeURIComponent("/api/admin/users")}`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "input_validation_error", fields: [{ field: "watch.0" }] });
  } finally {
    await admin.close();
  }
});
