import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { HistoryPage } from "./support/history-page";
import { readLaunches } from "./support/store";
import { storageStateOf, USERS } from "./support/users";

// Runs as the admin (the project's default storage state); the member gets a context of their own.

const MONTH = new Date().toISOString().slice(0, 7);
const body = (prompt: string) => ({ type: "image", prompt, workspace_id: "ws_northwind", project_id: "prj_springcampaign" });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });
/** A string only chart.js's own code contains: how its chunk is recognised among the page's scripts. */
const CHART_JS_MARK = "Canvas is already in use";

async function launchAndFinish(request: APIRequestContext, prompt: string) {
  const created = await (await request.post("/api/v1/generate", { data: body(prompt) })).json();
  expect(created.run_id, JSON.stringify(created)).toMatch(/^run_/);
  await expect.poll(async () => (await (await request.get(created.poll_url)).json()).status, { timeout: 20_000 }).toMatch(/completed|failed/);
  return created.run_id as string;
}

/** What the store counts for this month, the way the usage page must: reservations, and runs not refused. */
async function storeFigures(emails: string[]) {
  const rows = (await Promise.all(emails.map((userEmail) => readLaunches({ userEmail }))))
    .flat()
    .filter((row) => (row.spend_month ?? new Date(Number(row.created_at)).toISOString().slice(0, 7)) === MONTH);
  const micros = rows.reduce((sum, row) => sum + Math.round(Number(row.reserved_usd) * 1e6), 0);
  return { spendUsd: micros / 1e6, runs: rows.filter((row) => row.status !== "rejected").length, userId: rows[0]?.user_id as string };
}

/** Every script the page loads, with its text, to see what a first load carries. */
function collectScripts(page: Page) {
  const bodies: Array<Promise<string>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().catch(() => ""));
  });
  return async () => Promise.all(bodies);
}

test("usage figures match the store, a member sees only their own, the CSV agrees, and only /usage loads chart.js", async ({
  page,
  browser,
  baseURL,
}) => {
  const memberContext = await browser.newContext({ baseURL, storageState: storageStateOf("member"), viewport: { width: 390, height: 844 } });
  const memberPage = await memberContext.newPage();
  await Promise.all([launchAndFinish(memberContext.request, "usage: a lighthouse"), launchAndFinish(page.request, "usage: a windmill")]);

  const member = await storeFigures([USERS.member.email]);
  const team = await storeFigures([USERS.member.email, USERS.admin.email]);
  // Both runs are on record with their money (reserved, then settled to FLORA's charge).
  expect(member.runs).toBeGreaterThanOrEqual(1);
  expect(team.runs).toBeGreaterThanOrEqual(2);
  expect(team.spendUsd).toBeGreaterThan(member.spendUsd);

  // The admin: the whole team, with the figures the store holds.
  const scripts = collectScripts(page);
  await page.goto(`/usage?month=${MONTH}`);
  await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  await expect(page.getByTestId("usage-total-spend")).toHaveText(usd.format(team.spendUsd));
  await expect(page.getByTestId("usage-total-runs")).toHaveText(String(team.runs));
  await expect(page.getByRole("table", { name: "By teammate" }).getByRole("row", { name: new RegExp(USERS.member.email) })).toContainText(
    usd.format(member.spendUsd),
  );
  await expect(page.getByRole("img", { name: /By model: spend in US dollars/ })).toBeVisible();
  await expect(page.getByTestId("usage-outside")).toContainText("Outside the dashboard");
  await expect.poll(async () => (await scripts()).some((text) => text.includes(CHART_JS_MARK))).toBe(true);

  // The CSV: the same totals, named with the month.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`atelier-usage-${MONTH}.csv`);
  const csv = fs.readFileSync((await download.path())!, "utf8").split("\r\n");
  expect(csv[1]).toMatch(new RegExp(`^total,${MONTH},team,${team.runs},${team.spendUsd},`));

  // The member, on a phone: their own figures only, no teammate picker, and someone else's refused.
  await memberPage.goto("/usage");
  await expect(memberPage.getByTestId("usage-scope")).toContainText(USERS.member.email);
  await expect(memberPage.getByTestId("usage-total-spend")).toHaveText(usd.format(member.spendUsd));
  await expect(memberPage.getByTestId("usage-total-runs")).toHaveText(String(member.runs));
  await expect(memberPage.getByLabel("Teammate")).toHaveCount(0);
  await expect(memberPage.getByTestId("usage-outside")).toHaveCount(0);
  expect(await memberPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousViolations(memberPage);
  const adminId = (await storeFigures([USERS.admin.email])).userId;
  const refused = await memberContext.request.get(`/api/usage?month=${MONTH}&user=${encodeURIComponent(adminId)}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  expect((await memberPage.goto(`/usage?user=${encodeURIComponent(adminId)}`))?.status()).toBe(403);

  // The history's first load carries no chart code.
  const historyPage = await memberContext.newPage();
  const historyScripts = collectScripts(historyPage);
  await historyPage.goto("/generations");
  await expect(historyPage.getByRole("heading", { level: 1 })).toBeVisible();
  // Hydrated and loaded: every script of the first load has arrived. (Not "networkidle": a
  // history with live rows holds its event stream open, so the network is never idle.)
  await expect(new HistoryPage(historyPage).list).toHaveAttribute("data-hydrated", "true");
  await historyPage.waitForLoadState("load");
  const loaded = await historyScripts();
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((text) => text.includes(CHART_JS_MARK))).toHaveLength(0);
  await memberContext.close();
});
