import { expect, test, type Page } from "@playwright/test";
import { HistoryPage } from "./support/history-page";
import { LaunchForm } from "./support/launch-form";
import { RunPage } from "./support/run-page";
import { simulatorGet } from "./support/simulator";
import { USERS } from "./support/users";

// A phone: every page fits its width (nothing to scroll sideways), and the header is one
// line with the navigation behind a Menu button.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Fails with the elements that stick out past the right edge, deepest first, so the fix is findable. */
async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const describe = (element: Element) =>
      [element.tagName.toLowerCase(), element.id && `#${element.id}`, typeof element.className === "string" && element.className && `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}`]
        .filter(Boolean)
        .join("");
    const wide = [...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > width + 1);
    // The innermost offenders: those without an offending descendant.
    const innermost = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
    return { scrollWidth: root.scrollWidth, width, culprits: innermost.slice(0, 6).map(describe) };
  });
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeNull();
}

const HISTORIES = [
  { path: "/generations", list: "Generations, newest first" },
  { path: "/technique-runs", list: "Technique runs, newest first" },
] as const;

for (const { path, list } of HISTORIES) {
  test(`${path} fits a phone`, async ({ page }) => {
    await page.goto(path);
    await new HistoryPage(page, list).ready();
    await expectNoHorizontalOverflow(page);
  });
}

test("a run page fits a phone", async ({ page }) => {
  const { generations } = await simulatorGet<{ generations: Array<{ run_id: string }> }>("/generations?status=completed&limit=1");
  await page.goto(`/runs/${generations[0]!.run_id}`);
  await new RunPage(page).expectStatus("Completed");
  await expectNoHorizontalOverflow(page);
});

test("a technique run page fits a phone", async ({ page }) => {
  const { technique_runs: runs } = await simulatorGet<{ technique_runs: Array<{ run_id: string; technique: { technique_id: string } }> }>(
    "/technique-runs?status=completed&limit=1",
  );
  await page.goto(`/technique-runs/${runs[0]!.technique.technique_id}/${runs[0]!.run_id}`);
  await new RunPage(page).expectStatus("Completed");
  await expectNoHorizontalOverflow(page);
});

test("the launch form fits a phone", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Image", "FLUX.2 [pro]");
  await expect(form.prompt()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test("the techniques and a technique's form fit a phone", async ({ page }) => {
  await page.goto("/techniques");
  await expect(page.getByRole("searchbox", { name: "Search techniques" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.goto("/techniques/tech_prodshot");
  await expect(page.getByRole("form", { name: /^Run / })).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test("the users page fits a phone, with every role and action in reach", async ({ page }) => {
  await page.goto("/admin/users");
  const row = page.locator(`tr[data-user-email="${USERS.member.email}"]`);
  await expect(row).toBeVisible();
  await expectNoHorizontalOverflow(page);
  for (const control of [
    page.getByRole("combobox", { name: `Role of ${USERS.member.email}` }),
    page.getByRole("button", { name: `Disable ${USERS.member.email}` }),
    page.getByRole("button", { name: `Remove ${USERS.member.email}` }),
  ]) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test("the account page fits a phone", async ({ page }) => {
  await page.goto("/account");
  await expect(page.getByRole("form", { name: "Change password" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page fits a phone", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("form", { name: "Sign in with email and password" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

test("the header is one line, its navigation in a menu that Escape closes", async ({ page }) => {
  await page.goto("/generations");
  const header = page.getByRole("banner");
  const menu = header.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  expect((await header.boundingBox())!.height).toBeLessThan(72);

  // Keyboard first: Enter opens it, Escape closes it and gives the focus back.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // A link in it goes there, and the menu folds away.
  await menu.click();
  await nav.getByRole("link", { name: "Techniques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Techniques" })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});
