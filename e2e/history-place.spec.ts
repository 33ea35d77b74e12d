import { expect, test, type Locator } from "@playwright/test";
import { HistoryPage } from "./support/history-page";
import { storageStateOf } from "./support/users";

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  expect(found, "the element is laid out").not.toBeNull();
  return found!;
};

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("rows stack and fit the screen, and Back from a run returns to the same place and selection", async ({ page }) => {
    await page.goto("/generations?status=completed");
    const history = new HistoryPage(page);
    await history.ready();
    await history.expectNoHorizontalOverflow();

    // The model's name on one line, clear of the time; the cost whole, inside the row.
    const row = history.rows().first();
    const rowBox = await box(row);
    const title = await box(row.locator('[data-part="title"]'));
    const time = await box(row.locator("time"));
    const cost = await box(row.getByText(/^\$\d/));
    expect(title.height).toBeLessThan(28);
    expect(title.y + title.height <= time.y || time.y + time.height <= title.y || title.x + title.width <= time.x).toBe(true);
    expect(cost.x + cost.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);

    // The page scrolls, not a box inside it.
    await history.scrollTo(3_000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(2_500);
    await history.expectNoHorizontalOverflow();
    // The row window renders the rows for the new offset a frame or two after the scroll.
    let runId: string | null | undefined;
    await expect
      .poll(async () => (runId = await page.evaluate(() => document.elementFromPoint(195, 500)?.closest("[data-run-row]")?.getAttribute("data-run-id"))))
      .toBeTruthy();
    const before = await box(history.row(runId!));

    await history.row(runId!).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goBack();
    await expect(history.row(runId!)).toHaveAttribute("aria-current", "true");
    await expect.poll(async () => Math.round((await box(history.row(runId!))).y)).toBe(Math.round(before.y));
    await history.expectNoHorizontalOverflow();
  });
});

test("the grid keeps its columns through a filter change, and Back undoes the filter", async ({ page }) => {
  await page.goto("/generations");
  const history = new HistoryPage(page);
  await history.ready();
  await page.getByRole("button", { name: "Grid" }).click();
  const tilesInFirstRow = () => history.list.locator('[data-index="0"] [data-run-row]').count();
  await expect.poll(tilesInFirstRow).toBeGreaterThan(1);
  const columns = await tilesInFirstRow();

  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/\/generations\?status=failed$/);
  await expect(history.rows().first()).toHaveAttribute("data-status", "failed");
  expect(await tilesInFirstRow()).toBe(columns);

  // Back undoes the filter, and stays in the app.
  await page.goBack();
  await expect(page).toHaveURL(/\/generations$/);
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(history.rows().first()).toBeVisible();
  expect(await tilesInFirstRow()).toBe(columns);
});

test("times are in the viewer's time zone, with UTC on hover", async ({ browser, baseURL }) => {
  // The server runs in UTC; this viewer is in India (UTC+5:30, no daylight saving time).
  const context = await browser.newContext({ baseURL, storageState: storageStateOf("admin"), timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  await page.goto("/generations");
  const history = new HistoryPage(page);
  await history.ready();

  const time = history.rows().first().locator("time");
  const at = Date.parse((await time.getAttribute("datetime"))!);
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(at);
  const title = await time.getAttribute("title");
  expect(title).toContain(`${format("Asia/Kolkata")} GMT+5:30`);
  expect(title).toContain(`${format("UTC")} UTC`);
  await expect(time).not.toHaveText(/^in /);
  await context.close();
});
