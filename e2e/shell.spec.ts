import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./support/overflow";
import { clearFaults, injectFault, simulatorGet } from "./support/simulator";

interface TechniqueRunsBody {
  technique_runs: Array<{ run_id: string; technique: { name: string } }>;
}

test.afterEach(async () => {
  await clearFaults();
});

test("the navigation reaches technique runs, techniques and the launch form", async ({ page }) => {
  await page.goto("/generations");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Technique runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Technique runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Technique runs" })).toHaveAttribute("aria-current", "page");
  const upstream = await simulatorGet<TechniqueRunsBody>("/technique-runs?limit=1");
  const firstRow = page.getByRole("list", { name: "Technique runs, newest first" }).locator("[data-run-row]").first();
  await expect(firstRow).toContainText(upstream.technique_runs[0]!.technique.name);
  await expect(page.getByRole("combobox", { name: "Technique" })).toBeVisible();

  await nav.getByRole("link", { name: "Techniques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Techniques" })).toBeVisible();

  await nav.getByRole("link", { name: "New generation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New generation" })).toBeVisible();
  // The image models FLORA lists, one radio each.
  const { models } = await simulatorGet<{ models: Array<{ name: string }> }>("/models?type=image");
  const modelGroup = page.getByRole("group", { name: "Model" });
  await expect(modelGroup.getByRole("radio")).toHaveCount(models.length);
  for (const model of models) await expect(modelGroup.getByRole("radio", { name: new RegExp(model.name.replace(/[[\]().]/g, "\\$&")) })).toBeVisible();
});

test("from md up the header is two rows, the name and the account, then the navigation, and nothing in it wraps", async ({ page }) => {
  await page.goto("/generations");
  const header = page.getByRole("banner");
  const nav = page.getByRole("navigation", { name: "Main" });
  const middleOf = async (locator: import("@playwright/test").Locator) => {
    const box = (await locator.boundingBox())!;
    return box.y + box.height / 2;
  };
  for (const width of [768, 1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(header.getByRole("button", { name: "Menu" })).toBeHidden();
    // The admin sees every section: the longest navigation there is.
    const links = nav.getByRole("link");
    await expect(links).toHaveCount(8);
    const brand = await middleOf(header.getByRole("link", { name: "Atelier" }));
    for (const control of [page.getByTestId("signed-in-user"), header.getByRole("link", { name: "Tokens" }), header.getByRole("button", { name: "Sign out" }), header.getByRole("button", { name: "Dark theme" })]) {
      expect(Math.abs((await middleOf(control)) - brand), `${width} px: ${await control.textContent()} sits beside the name`).toBeLessThan(8);
    }
    const first = await middleOf(links.first());
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.height, `${width} px: “${await link.textContent()}” is one line`).toBeLessThan(40);
      expect(Math.abs(box.y + box.height / 2 - first), `${width} px: “${await link.textContent()}” is in the navigation's row`).toBeLessThan(8);
    }
    expect(first - brand, `${width} px: the navigation is below the name`).toBeGreaterThan(24);

    // The history's columns leave the title room from md up (narrower columns until lg).
    await expectNoHorizontalOverflow(page);
    const titles = await page.locator("[data-run-row] [data-part=title]").evaluateAll((spans) =>
      spans.map((span) => ({ text: span.textContent ?? "", cut: span.scrollWidth > span.clientWidth })),
    );
    expect(titles.length).toBeGreaterThan(3);
    expect(titles.filter((title) => title.text.length <= 18 && title.cut), `${width} px: short model names are not cut`).toEqual([]);
  }
});

test("the app's links move within the app without reloading it, and a Ctrl-click still opens a new tab", async ({ page, context }) => {
  await page.goto("/generations");
  await expect(page.getByRole("list", { name: "Generations, newest first" })).toHaveAttribute("data-hydrated", "true");
  // A full page load would lose this; a move through the App Router keeps it.
  await page.evaluate(() => Object.assign(window, { stillTheSameDocument: true }));
  const nav = page.getByRole("navigation", { name: "Main" });

  await nav.getByRole("link", { name: "Techniques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Techniques" })).toBeVisible();
  expect(await page.evaluate(() => "stillTheSameDocument" in window)).toBe(true);

  const opened = context.waitForEvent("page");
  await nav.getByRole("link", { name: "Usage" }).click({ modifiers: ["ControlOrMeta"] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/usage");
  await tab.close();
  // The first tab stayed where it was.
  await expect(page).toHaveURL(/\/techniques$/);
  await expect(page.getByRole("heading", { level: 1, name: "Techniques" })).toBeVisible();
});

test("one FLORA hiccup is retried away, unseen by the teammate", async ({ page }) => {
  await injectFault({ method: "GET", path: "/generations", times: 1, fault: { kind: "status", status: 500 } });
  await page.goto("/generations");
  await expect(page.getByRole("list", { name: "Generations, newest first" }).locator("[data-run-row]").first()).toBeVisible();
  await expect(page.getByText("Could not load the runs.")).toHaveCount(0);
});

test("? lists the keyboard shortcuts, except while typing", async ({ page }) => {
  await page.goto("/techniques");
  const search = page.getByRole("searchbox", { name: "Search techniques" });
  await search.fill("");
  await search.press("?");
  await expect(search).toHaveValue("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeHidden();

  await page.getByRole("heading", { level: 1, name: "Techniques" }).click();
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
  for (const what of ["Select the next run", "Open the selected run", "Go to the filters", "Next output", "Show these shortcuts"]) {
    await expect(help.getByText(what)).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The header's ? button opens it too, and focus comes back to the button.
  const button = page.getByRole("button", { name: "Keyboard shortcuts" });
  await button.click();
  await expect(help).toBeVisible();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toBeHidden();
  await expect(button).toBeFocused();
});

test("the theme follows the system until the toggle picks one, which outlives a reload", async ({ page }) => {
  const canvas = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const toggle = page.getByRole("button", { name: "Dark theme" });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/generations");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const dark = await canvas();
  await page.emulateMedia({ colorScheme: "light" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const light = await canvas();
  expect(dark).not.toBe(light);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await canvas()).toBe(dark);

  // After a reload the choice is on the page before any of the app's scripts have run:
  // they are held back here, so only the inline script in <head> can have applied it.
  await page.route("**/_next/static/**/*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // A request the page gave up on meanwhile is already answered.
    await route.continue().catch(() => undefined);
  });
  await page.reload({ waitUntil: "domcontentloaded" });
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  expect(await canvas()).toBe(dark);
  await page.unroute("**/_next/static/**/*.js");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  // Back to the system's theme: nothing is remembered, and the system is followed again.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  expect(await page.evaluate(() => localStorage.getItem("atelier-theme"))).toBeNull();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(blocked).toEqual([]);
});
