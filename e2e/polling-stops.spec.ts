import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { blockEventStream } from "./support/event-stream";
import { FRESH_PASSWORD, freshMember, signedOutPage, signInThrough } from "./support/fresh-teammate";
import { HistoryPage } from "./support/history-page";
import { launchGeneration, RunPage } from "./support/run-page";
import { SignInPage } from "./support/sign-in-page";
import { clearFaults, injectFault } from "./support/simulator";
import { usersCommand } from "./support/users";

// Polls end on a 401, 403 or 404: asking again gets the same answer. Runs last 30 s here,
// so a poll that stops did so because of the refusal, not because the run ended. The
// sessions tests end sessions of teammates of their own, never the suite's shared users.

test.afterEach(clearFaults);
// The stops of polling itself: with the event stream open the pages would not poll at all
// (e2e/live-updates.spec.ts covers the stream's own refusals).
test.beforeEach(async ({ page }) => blockEventStream(page));

/** A page of a fresh, signed-out context that polls (its event stream blocked). */
async function signedOutPollingPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await signedOutPage(browser, baseURL);
  await blockEventStream(opened.context);
  return opened;
}

/** Counts a page's requests to one gateway path, and how many were sent when the first `status` came back. */
function countPolls(page: Page, path: string, status: number) {
  const seen = { polls: 0, atRefusal: null as number | null };
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === path) seen.polls += 1;
  });
  page.on("response", (response) => {
    if (seen.atRefusal === null && response.status() === status && new URL(response.url()).pathname === path) seen.atRefusal = seen.polls;
  });
  return seen;
}

/** The refusal came, and in the ~6 s after it (four brisk polls' worth) at most one more request went out. */
async function expectPollingStopped(page: Page, seen: ReturnType<typeof countPolls>) {
  await expect.poll(() => seen.atRefusal, { timeout: 15_000 }).not.toBeNull();
  await page.waitForTimeout(6_000);
  expect(seen.polls - seen.atRefusal!).toBeLessThanOrEqual(1);
}

test("a run page whose session ends stops polling, and Sign in again leads back to the run", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const email = freshMember("polling-run");
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "watched until signed out [run-seconds:30]" });
  const runPath = `/runs/${runId}`;
  const { context, page } = await signedOutPollingPage(browser, baseURL!);
  try {
    const seen = countPolls(page, `/api/v1/runs/${runId}`, 401);
    await signInThrough(page, email, runPath);
    const runPage = new RunPage(page);
    await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/);

    expect(usersCommand(["sign-out-everywhere", email])).toContain(`Ended every session of ${email}.`);
    await expectPollingStopped(page, seen);
    const problem = runPage.problem();
    await expect(problem).toContainText("Signed out");
    await expect(problem.getByRole("button", { name: "Retry now" })).toHaveCount(0);
    const signInAgain = problem.getByRole("link", { name: "Sign in again" });
    await expect(signInAgain).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(runPath)}`);

    await signInAgain.click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await new SignInPage(page).signIn(email, FRESH_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${runPath}$`));
    await expect(runPage.status()).toBeVisible();
    await expect(runPage.problem()).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a run FLORA no longer has stops being polled, and the page says so", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  // Still running: a completed run is never polled again, so a 404 would never be seen.
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "about to vanish [run-seconds:30]" });
  const seen = countPolls(page, `/api/v1/runs/${runId}`, 404);
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/);

  await injectFault({ method: "GET", path: `/runs/${runId}`, times: 50, fault: { kind: "status", status: 404 } });
  await expectPollingStopped(page, seen);
  await expect(runPage.problem()).toContainText("Run no longer exists");
  await expect(runPage.problem()).toContainText("FLORA no longer has this run");
  await expect(runPage.problem().getByRole("button", { name: "Retry now" })).toHaveCount(0);
});

test("a history row whose run FLORA no longer has stops being polled", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "a row about to vanish [run-seconds:30]" });
  const seen = countPolls(page, `/api/v1/runs/${runId}`, 404);
  await page.goto("/generations");
  const row = new HistoryPage(page).list.locator(`[data-run-id="${runId}"]`);
  await expect(row).toHaveAttribute("data-status", /^(pending|running)$/);
  // The row is live: it polls its run.
  await expect.poll(() => seen.polls).toBeGreaterThan(0);

  await injectFault({ method: "GET", path: `/runs/${runId}`, times: 50, fault: { kind: "status", status: 404 } });
  await expectPollingStopped(page, seen);
  // It keeps the last state it saw.
  await expect(row).toHaveAttribute("data-status", /^(pending|running)$/);
});

test("a history page whose session ends stops polling its rows and offers Sign in again, back to the same filters", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const email = freshMember("polling-history");
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "a row watched until signed out [run-seconds:30]" });
  const listPath = "/generations?workspace=ws_northwind&project=prj_springcampaign";
  const { context, page } = await signedOutPollingPage(browser, baseURL!);
  try {
    const seen = countPolls(page, `/api/v1/runs/${runId}`, 401);
    await signInThrough(page, email, listPath);
    await expect(new HistoryPage(page).list.locator(`[data-run-id="${runId}"]`)).toHaveAttribute("data-status", /^(pending|running)$/);
    await expect.poll(() => seen.polls).toBeGreaterThan(0);

    expect(usersCommand(["sign-out-everywhere", email])).toContain(`Ended every session of ${email}.`);
    await expectPollingStopped(page, seen);
    const notice = page.getByRole("alert").filter({ hasText: "Signed out" });
    const signInAgain = notice.getByRole("link", { name: "Sign in again" });
    await expect(signInAgain).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(listPath)}`);

    await signInAgain.click();
    await new SignInPage(page).signIn(email, FRESH_PASSWORD);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === listPath);
    await expect(page.getByRole("alert").filter({ hasText: "Signed out" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
