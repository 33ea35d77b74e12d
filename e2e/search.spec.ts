import { expect, test } from "@playwright/test";
import { HistoryPage } from "./support/history-page";
import { launchGeneration } from "./support/run-page";
import { readLaunches } from "./support/store";

// Words no other test launches, so the search finds exactly these runs.
const tag = `quokka${Date.now().toString(36)}`;

test("prompt search finds a launch by its words, keeps ?q= in the URL and opens the run; Launched by: Me hides a teammate's", async ({ page, browser, baseURL }) => {
  const lantern = await launchGeneration(browser, baseURL, { type: "image", prompt: `${tag} copper lantern at dusk` }, "member");
  const harbour = await launchGeneration(browser, baseURL, { type: "image", prompt: `${tag} glass harbour`, params: { seed: 7 } }, "member");
  const kettle = await launchGeneration(browser, baseURL, { type: "image", prompt: `${tag} copper kettle` }, "admin");

  await page.goto("/generations");
  await new HistoryPage(page).ready();
  const search = page.getByLabel("Search prompts");
  await search.fill(`lantern ${tag}`);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=lantern\\+${tag}`));
  const results = new HistoryPage(page, "Generations matching the search, best match first");
  await expect(results.rows()).toHaveCount(1);
  await expect(results.row(lantern)).toContainText("member@atelier.test");

  // Every word must match; the best match comes first.
  await search.fill(`${tag} copper`);
  await search.press("Enter");
  await expect(results.rows()).toHaveCount(2);
  await expect(results.row(kettle)).toBeVisible();
  await expect(results.row(lantern)).toBeVisible();
  await expect(results.row(harbour)).toHaveCount(0);

  // The admin is signed in: "Me" leaves the admin's own launch, not the member's.
  await page.getByLabel("Launched by").selectOption({ label: "Me" });
  await expect(page).toHaveURL(/[?&]by=me/);
  await expect(results.rows()).toHaveCount(1);
  await expect(results.row(kettle)).toBeVisible();

  await page.getByLabel("Launched by").selectOption({ label: "Anyone" });
  await expect(results.rows()).toHaveCount(2);
  await results.row(lantern).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${lantern}`));
  await expect(page.getByTestId("launch-prompt")).toHaveText(`${tag} copper lantern at dusk`);
});

test("a run the dashboard did not launch says so, in the history and on its page", async ({ page }) => {
  await page.goto("/generations?workspace=ws_atlaslabs&project=prj_copylab");
  const history = new HistoryPage(page);
  await history.ready();
  const outside = history.rows().filter({ hasText: "Launched outside the dashboard" }).first();
  await expect(outside).toBeVisible();
  const runId = (await outside.getAttribute("data-run-id"))!;
  expect(await readLaunches({ runId })).toEqual([]);
  await outside.getByRole("link").click();
  await expect(page.getByTestId("launch-unknown")).toHaveText(/^Launched outside the dashboard/);
});
