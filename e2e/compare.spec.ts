import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { HistoryPage } from "./support/history-page";
import { expectNoHorizontalOverflow } from "./support/overflow";
import { launchGeneration } from "./support/run-page";
import { storageStateOf } from "./support/users";

// Compare: 2 and 4 runs side by side, prompt differences marked, differing params
// highlighted; reachable from a history multi-selection; at a phone's width too.
test.use({ storageState: storageStateOf("member") });

const PROMPTS = ["a red mug on a table", "a blue mug on a table", "a red mug on a wooden table", "a red cup on a table"];
let runIds: string[] = [];

test.beforeAll(async ({ browser, baseURL }) => {
  const tag = Date.now();
  runIds = await Promise.all(
    PROMPTS.map((prompt, index) => launchGeneration(browser, baseURL, { type: "text", prompt: `${prompt} ${tag}`, params: { temperature: index === 3 ? 0.2 : 0.7 } })),
  );
});

const column = (page: Page, runId: string) => page.locator(`[data-compare-run="${runId}"]`);

test("two runs: the changed word is marked in the second", async ({ page }) => {
  await page.goto(`/compare?runs=${runIds[0]},${runIds[1]}`);
  await expect(page.getByRole("heading", { level: 1, name: "Compare 2 runs" })).toBeVisible();
  await expect(column(page, runIds[1]!).locator("ins")).toHaveText("blue ");
  await expect(column(page, runIds[1]!).locator("del")).toHaveText("red ");
  await expect(column(page, runIds[0]!).locator("ins, del")).toHaveCount(0);
  await expectNoSeriousViolations(page);
});

test("four runs: differences and the differing param", async ({ page }) => {
  await page.goto(`/compare?runs=${runIds.join(",")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Compare 4 runs" })).toBeVisible();
  await expect(column(page, runIds[2]!).locator("ins")).toHaveText("wooden ");
  await expect(column(page, runIds[3]!).locator("ins")).toHaveText("cup ");
  await expect(column(page, runIds[3]!).locator("[data-differs]")).toContainText("temperature");
  await expect(column(page, runIds[0]!).locator("[data-differs]")).toContainText("temperature");
  await expectNoSeriousViolations(page);
});

test("a bad address says why instead of comparing", async ({ page }) => {
  await page.goto(`/compare?runs=${runIds[0]}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least 2");
});

test("reached from a history multi-selection", async ({ page }) => {
  await page.goto("/generations");
  const history = new HistoryPage(page);
  await history.ready();
  const ids = [...(await history.renderedIds()).entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  const third = history.row(ids[2]!).locator("[data-run-link]");
  const before = await third.boundingBox();
  await history.row(ids[0]!).locator("[data-run-link]").click({ modifiers: ["Control"] });
  const toolbar = page.getByRole("region", { name: "Picked runs" });
  await expect(toolbar.getByTestId("picked-count")).toHaveText("1 run picked");
  // The bar floats: its appearing moved no row under the pointer before the next click.
  expect((await third.boundingBox())?.y).toBe(before?.y);
  await third.click({ modifiers: ["Shift"] });
  await expect(toolbar.getByTestId("picked-count")).toHaveText("3 runs picked");
  await toolbar.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?runs=${ids.slice(0, 3).join(",")}`));
  await expect(page.getByRole("heading", { level: 1, name: "Compare 3 runs" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  test("four runs stack and nothing scrolls sideways", async ({ page }) => {
    await page.goto(`/compare?runs=${runIds.join(",")}`);
    await expect(column(page, runIds[3]!)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousViolations(page);
  });
});
