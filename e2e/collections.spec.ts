import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { HistoryPage } from "./support/history-page";
import { expectNoHorizontalOverflow } from "./support/overflow";
import { launchGeneration } from "./support/run-page";
import { storageStateOf } from "./support/users";

// Collections: made, filled from a run page and from a history multi-selection, reordered
// by keyboard (the order survives a reload), shared by URL with a viewer; on a desktop and
// on a phone.
test.use({ storageState: storageStateOf("member") });

const tiles = (page: Page) => page.getByRole("list", { name: /^Runs in / }).locator("[data-tile]");
const order = (page: Page) => tiles(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-tile")));

async function makeCollection(page: Page, name: string): Promise<string> {
  await page.goto("/collections");
  await page.getByLabel("New collection’s name").fill(name);
  await page.getByRole("button", { name: "Make collection" }).click();
  await expect(page).toHaveURL(/\/collections\/col_/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

async function addFromDialog(page: Page, collection: string, added: RegExp) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: collection }).check();
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: added })).toBeVisible();
}

for (const phone of [false, true]) {
  test.describe(phone ? "on a phone" : "on a desktop", () => {
    if (phone) test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

    test("a collection is made, filled, reordered by keyboard and shared", async ({ page, browser, baseURL }) => {
      // A whole story across five pages and two teammates.
      test.setTimeout(120_000);
      const name = `Review ${phone ? "phone" : "desk"} ${Date.now()}`;
      const fromRunPage = await launchGeneration(browser, baseURL, { type: "text", prompt: `collected from its page ${name}` });
      const url = await makeCollection(page, name);
      await expectNoSeriousViolations(page);

      // From a run page.
      await page.goto(`/runs/${fromRunPage}`);
      await page.getByRole("button", { name: "Add to collection" }).click();
      await addFromDialog(page, name, /Added 1 run/);

      // From the history: `x` on the selected row, then a Ctrl-click on another.
      await page.goto("/generations");
      const history = new HistoryPage(page);
      await history.ready();
      const ids = [...(await history.renderedIds()).entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id).filter((id) => id !== fromRunPage);
      await history.row(ids[0]!).locator("[data-run-link]").focus();
      await page.keyboard.press("x");
      await expect(history.row(ids[0]!).getByText("Picked", { exact: true })).toBeVisible();
      await history.row(ids[1]!).locator("[data-run-link]").click({ modifiers: ["Control"] });
      await expect(page).toHaveURL(/\/generations/);
      const toolbar = page.getByRole("region", { name: "Picked runs" });
      await expect(toolbar.getByTestId("picked-count")).toHaveText("2 runs picked");
      await toolbar.getByRole("button", { name: "Add to collection…" }).click();
      await addFromDialog(page, name, /Added 2 runs/);

      // Reordered by keyboard; the new place is announced and kept.
      await page.goto(url);
      await expect(tiles(page)).toHaveCount(3);
      const before = await order(page);
      expect(before).toEqual([fromRunPage, ids[0], ids[1]]);
      await tiles(page).first().getByRole("button", { name: /^Move later/ }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("order-announcement")).toHaveText(/position 2 of 3/);
      // The focus stayed on the moved tile: Alt+ArrowRight moves it once more.
      await page.keyboard.press("Alt+ArrowRight");
      await expect(page.getByTestId("order-announcement")).toHaveText(/position 3 of 3/);
      const after = [ids[0], ids[1], fromRunPage];
      await expect.poll(() => order(page)).toEqual(after);
      await page.waitForLoadState("networkidle");
      await page.reload();
      await expect.poll(() => order(page)).toEqual(after);
      await expectNoSeriousViolations(page);
      if (phone) await expectNoHorizontalOverflow(page);

      // Shared by its address with a teammate who is a viewer: they see it, they cannot change it.
      const viewer = await browser.newContext({ baseURL, storageState: storageStateOf("viewer"), ...(phone && { viewport: { width: 390, height: 844 } }) });
      try {
        const theirs = await viewer.newPage();
        await theirs.goto(url);
        await expect(theirs.getByRole("heading", { level: 1, name })).toBeVisible();
        await expect.poll(() => order(theirs)).toEqual(after);
        await expect(theirs.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
        await expect(theirs.getByRole("button", { name: "Rename" })).toHaveCount(0);
        await theirs.goto("/collections");
        await expect(theirs.getByRole("link", { name })).toBeVisible();
        await expect(theirs.getByLabel("New collection’s name")).toHaveCount(0);
        if (phone) await expectNoHorizontalOverflow(theirs);
      } finally {
        await viewer.close();
      }

      // Removed from the collection, not from FLORA.
      await tiles(page).first().getByRole("button", { name: /^Remove/ }).click();
      await expect(tiles(page)).toHaveCount(2);
      await page.goto("/collections");
      if (phone) await expectNoHorizontalOverflow(page);
      await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("2 runs");
    });
  });
}

test("a collection is renamed from its page; an empty name is refused in the page, and Escape keeps the old one", async ({ page }) => {
  const name = `Rename me ${Date.now()}`;
  const url = await makeCollection(page, name);
  const patches: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "PATCH") patches.push(request.url());
  });

  // Escape puts the button back, the focus on it, the name unchanged.
  await page.getByRole("button", { name: "Rename" }).click();
  const field = page.getByLabel("Collection’s new name");
  await expect(field).toHaveValue(name);
  await field.fill("Not this one");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Rename" })).toBeFocused();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // An empty name is said under the field, and nothing is sent.
  await page.getByRole("button", { name: "Rename" }).click();
  await field.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("form", { name: "Rename the collection" }).getByRole("alert")).toHaveText("A collection needs a name.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  expect(patches).toEqual([]);

  const renamed = `Renamed ${Date.now()}`;
  await field.fill(renamed);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Renamed to “${renamed}”.` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toBeFocused();
  expect(patches).toHaveLength(1);
  await expectNoSeriousViolations(page);

  // Stored: a reload and the list say the new name.
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${renamed} · Collections`));
  await page.goto("/collections");
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
});

test("deleting a collection asks first: Cancel keeps it; confirmed, it is gone and its runs stay", async ({ page }) => {
  const name = `Delete me ${Date.now()}`;
  const url = await makeCollection(page, name);
  const id = new URL(url).pathname.split("/").at(-1)!;
  const remove = page.getByRole("button", { name: "Delete collection" });
  const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });

  await remove.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  expect((await page.request.get(`/api/collections/${id}`)).status()).toBe(200);

  await remove.click();
  await dialog.getByRole("button", { name: "Delete collection" }).click();
  await expect(page).toHaveURL(/\/collections$/);
  await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  expect((await page.request.get(`/api/collections/${id}`)).status()).toBe(404);
});
