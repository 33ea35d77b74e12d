import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { HistoryPage } from "./support/history-page";
import { LaunchForm } from "./support/launch-form";
import { launchGeneration, launchTechniqueRun, RunPage } from "./support/run-page";
import { simulatorGet } from "./support/simulator";

// Every page a teammate reaches, checked by axe once its data has arrived: 0 serious or
// critical violations. Moderate and minor findings are not part of the bar.

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("form", { name: "Sign in with email and password" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

const HISTORIES = [
  { path: "/generations", list: "Generations, newest first" },
  { path: "/technique-runs", list: "Technique runs, newest first" },
] as const;

for (const { path, list } of HISTORIES) {
  for (const view of ["List", "Grid"] as const) {
    test(`${path} in ${view.toLowerCase()} view`, async ({ page }) => {
      // Two whole-page axe passes over a long history: several seconds each on two busy cores.
      test.setTimeout(60_000);
      await page.goto(path);
      const history = new HistoryPage(page, list);
      await history.ready();
      const toggle = page.getByRole("button", { name: view });
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      await expect(history.rows().first()).toBeVisible();
      await expectNoSeriousViolations(page);
      // The keyboard's selection is drawn too: check the page with it moved off the first run.
      await page.keyboard.press("j");
      await expectNoSeriousViolations(page);
    });
  }
}

test("the history list is one tab stop, and the focus follows j and k", async ({ page }) => {
  await page.goto("/generations?status=completed");
  const history = new HistoryPage(page);
  await history.ready();
  // What Tab can reach inside the list: a row's position, or "list" for the list itself.
  const tabStops = () =>
    history.list.evaluate((list) =>
      [list, ...list.querySelectorAll<HTMLElement>("a[href], button, video, [tabindex]")]
        .filter((element) => element.tabIndex >= 0)
        .map((element) => element.closest("[data-run-row]")?.getAttribute("data-position") ?? "list"),
    );
  expect(await tabStops()).toEqual(["0"]);

  await history.rows().first().getByRole("link").focus();
  await page.keyboard.press("j");
  const second = history.list.locator('[data-position="1"]');
  await expect(second).toHaveAttribute("aria-current", "true");
  await expect(second.getByRole("link")).toBeFocused();
  expect(await tabStops()).toEqual(["1"]);

  // Scrolled far from the selection, its row leaves the DOM and the list itself is the tab stop.
  await history.scrollTo(88 * 40);
  await expect.poll(tabStops).toEqual(["list"]);
  await history.list.focus();
  await page.keyboard.press("j");
  const third = history.list.locator('[data-position="2"]');
  await expect(third.getByRole("link")).toBeFocused();
  const id = await third.getAttribute("data-run-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/runs/${id}$`));
});

test("a selected video row plays its preview and is still one tab stop", async ({ page }) => {
  await page.goto("/generations?status=completed");
  const history = new HistoryPage(page);
  await history.ready();
  // The seeded history has completed video runs in its first page, but how far down depends
  // on what finished since the simulator started: the page's own API says where the first is.
  const firstPage = (await (await page.request.get("/api/history/generations?status=completed")).json()) as { runs: Array<{ outputs: Array<{ type: string }> }> };
  const position = firstPage.runs.findIndex((run) => run.outputs[0]?.type === "videoUrl");
  expect(position).toBeGreaterThanOrEqual(0);
  await history.rows().first().getByRole("link").focus();
  for (let step = 0; step < position; step += 1) await page.keyboard.press("j");
  const row = history.list.locator(`[data-position="${position}"]`);
  await expect(row.getByRole("img", { name: /^Video output/ })).toBeVisible();
  await expect(row).toHaveAttribute("aria-current", "true");
  await expect(row.locator("video")).toHaveCount(1);
  const focusable = await history.list.evaluate((list) =>
    [...list.querySelectorAll<HTMLElement>("a[href], button, video, [tabindex]")].filter((element) => element.tabIndex >= 0).length,
  );
  expect(focusable).toBe(1);
});

// One run per output type; [document] adds a document to a text run, the type with no model of its own.
const RUNS = [
  { output: "image", body: { type: "image", prompt: "accessibility: an image" } },
  { output: "video", body: { type: "video", prompt: "accessibility: a video" } },
  { output: "audio", body: { type: "audio", prompt: "accessibility: audio" } },
  { output: "text", body: { type: "text", prompt: "accessibility: text" } },
  { output: "document", body: { type: "text", prompt: "accessibility: a document [document]" } },
] as const;

const runIds = new Map<string, string>();

test.describe("run pages", () => {
  test.beforeAll(async ({ browser, baseURL }) => {
    // Launched together so their simulated seconds overlap.
    const ids = await Promise.all(RUNS.map(({ body }) => launchGeneration(browser, baseURL, { ...body })));
    RUNS.forEach(({ output }, index) => runIds.set(output, ids[index]!));
  });

  for (const { output } of RUNS) {
    test(`a run page with ${output === "image" || output === "audio" ? "an" : "a"} ${output} output`, async ({ page }) => {
      await page.goto(`/runs/${runIds.get(output)}`);
      await expectCompletedRun(page);
      await expectNoSeriousViolations(page);
    });
  }

  test("a technique run page", async ({ page, browser, baseURL }) => {
    const runId = await launchTechniqueRun(browser, baseURL, "tech_prodshot", [
      { id: "product", type: "imageUrl", value: "https://media.example/mug.png" },
    ]);
    await page.goto(`/technique-runs/tech_prodshot/${runId}`);
    await expectCompletedRun(page);
    await expectNoSeriousViolations(page);
  });
});

async function expectCompletedRun(page: Page) {
  const run = new RunPage(page);
  await run.expectStatus("Completed", 30_000);
  await expect(run.outputs()).toBeVisible();
}

test("the launch form with a model chosen", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Image", "FLUX.2 [pro]");
  await form.openAdvanced();
  await expect(form.number("Images")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the techniques and a technique's page", async ({ page }) => {
  await page.goto("/techniques");
  await expect(page.getByRole("heading", { level: 1, name: "Techniques" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search techniques" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/techniques/tech_prodshot");
  await expect(page.getByRole("form", { name: /^Run / })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the users page", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the account page", async ({ page }) => {
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});

// The dark theme (the system's here) is the same pages with other colours: the main ones
// are checked again, with the keyboard help and a confirmation open on top.
test.describe("dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("the main pages and dialogs", async ({ page }) => {
    // Four pages and six axe scans in one test: a loaded machine needs more than 30 s.
    test.slow();
    await page.goto("/generations");
    await new HistoryPage(page).ready();
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    await expectNoSeriousViolations(page);
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectNoSeriousViolations(page);

    const { generations } = await simulatorGet<{ generations: Array<{ run_id: string }> }>("/generations?status=completed&limit=1");
    await page.goto(`/runs/${generations[0]!.run_id}`);
    await expectCompletedRun(page);
    await expectNoSeriousViolations(page);

    const form = new LaunchForm(page);
    await form.open();
    await form.choose("Image", "FLUX.2 [pro]");
    await expectNoSeriousViolations(page);

    await page.goto("/admin/users");
    await expect(page.getByRole("table").first()).toBeVisible();
    const role = page.getByRole("combobox", { name: /^Role of / }).first();
    await role.selectOption((await role.inputValue()) === "viewer" ? "member" : "viewer");
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("the sign-in page, with its field errors", async ({ page }) => {
      await page.goto("/sign-in");
      const form = page.getByRole("form", { name: "Sign in with email and password" });
      await form.getByRole("button", { name: "Sign in" }).click();
      await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expectNoSeriousViolations(page);
    });
  });
});
