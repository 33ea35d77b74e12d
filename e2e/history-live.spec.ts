import { expect, test } from "@playwright/test";
import { HistoryPage } from "./support/history-page";
import { storageStateOf } from "./support/users";

test("a new run shows behind a pill, then progresses to completed without a reload", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  await page.goto("/generations");
  const history = new HistoryPage(page);
  await expect(history.rows().first()).toBeVisible();
  const firstRowTop = async () => Math.round((await history.rows().first().boundingBox())!.y);
  const topBefore = await firstRowTop();

  const member = await browser.newContext({ baseURL, storageState: storageStateOf("member") });
  const launched = await member.request.post("/api/v1/generate", {
    data: { type: "image", prompt: "watched from the history", workspace_id: "ws_northwind", project_id: "prj_springcampaign" },
  });
  const { run_id: runId } = await launched.json();
  await member.close();

  // The list does not jump: the new run waits behind a pill until asked for.
  const pill = page.getByRole("button", { name: /^\d+ new runs?$/ });
  await expect(pill).toBeVisible({ timeout: 20_000 });
  await expect(history.rows().first()).not.toHaveAttribute("data-run-id", runId);
  // Nor does the pill itself move the rows: it floats over them.
  expect(await firstRowTop()).toBe(topBefore);
  await pill.click();

  const row = history.list.locator(`[data-run-id="${runId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("watched from the history");
  await expect(row).toContainText("member@atelier.test");
  await expect(row).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
});
