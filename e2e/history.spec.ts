import { expect, test } from "@playwright/test";
import { HistoryPage } from "./support/history-page";
import { clearFaults, injectFault, simulatorGet } from "./support/simulator";

type Page<K extends string> = { [key in K]: Array<{ run_id: string; status: string; workspace_id: string }> } & {
  meta: { next_cursor?: string | null };
};

async function upstreamIds(path: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await simulatorGet<Page<"generations">>(`${path}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    ids.push(...page.generations.map((run) => run.run_id));
    cursor = page.meta.next_cursor;
  } while (cursor && ids.length < count);
  return ids.slice(0, count);
}

test.afterEach(async () => {
  await clearFaults();
});

test("the home page shows the newest generations, server-rendered, by name", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/generations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Generation history" })).toBeVisible();
  const history = new HistoryPage(page);
  await expect(history.rows().first()).toBeVisible();
  const rendered = [...(await history.renderedIds()).entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  const upstream = await upstreamIds("/generations?x=1", rendered.length);
  expect(rendered).toEqual(upstream);

  const { workspaces } = await simulatorGet<{ workspaces: Array<{ workspace_id: string; name: string }> }>("/workspaces");
  const first = (await simulatorGet<Page<"generations">>("/generations?limit=1")).generations[0]!;
  const name = workspaces.find((w) => w.workspace_id === first.workspace_id)!.name;
  await expect(history.rows().first()).toContainText(name);
  await expect(history.rows().first()).not.toContainText(first.workspace_id);
});

test("scrolling loads pages in order, with no duplicate and no gap", async ({ page }) => {
  // Seeded runs keep finishing while the suite runs: one that completes between the
  // dashboard's first page and the comparison joins the upstream list only. The upstream
  // list is read before and after, and only runs that changed in between are set aside.
  const before = await upstreamIds("/generations?status=completed", 260);
  await page.goto("/generations?status=completed");
  const history = new HistoryPage(page);
  await expect(history.rows().first()).toBeVisible();
  const shown = await history.collectIds(230);
  const after = await upstreamIds("/generations?status=completed", 260);
  const changed = new Set([...before, ...after].filter((id) => before.includes(id) !== after.includes(id)));
  expect(changed.size).toBeLessThanOrEqual(8);
  expect(new Set(shown).size).toBe(shown.length);
  const steady = shown.filter((id) => !changed.has(id));
  expect(steady.length).toBeGreaterThanOrEqual(230 - changed.size);
  expect(steady).toEqual(after.filter((id) => !changed.has(id)).slice(0, steady.length));
});

test("filters narrow the list, live in the URL and survive a reload and a copied link", async ({ page, context }) => {
  await page.goto("/generations");
  const history = new HistoryPage(page);
  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/\/generations\?status=failed$/);
  await expect(history.rows().first()).toHaveAttribute("data-status", "failed");
  const statuses = await history.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")));
  expect(new Set(statuses)).toEqual(new Set(["failed"]));

  const { workspaces } = await simulatorGet<{ workspaces: Array<{ workspace_id: string; name: string }> }>("/workspaces");
  const workspace = workspaces[1]!;
  await page.getByLabel("Workspace").selectOption(workspace.workspace_id);
  await expect(page).toHaveURL(new RegExp(`workspace=${workspace.workspace_id}&status=failed`));
  const { projects } = await simulatorGet<{ projects: Array<{ project_id: string; name: string }> }>(`/projects?workspace_id=${workspace.workspace_id}`);
  const projectOptions = await page.getByLabel("Project").locator("option").allTextContents();
  expect(projectOptions).toEqual(["All projects", ...projects.map((p) => p.name)]);

  const expected = await upstreamIds(`/generations?workspace_id=${workspace.workspace_id}&status=failed`, 5);
  const firstIds = async (p: typeof page) => {
    const h = new HistoryPage(p);
    await expect(h.rows().first()).toBeVisible();
    return [...(await h.renderedIds()).entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id).slice(0, 5);
  };
  expect(await firstIds(page)).toEqual(expected);
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("failed");
  expect(await firstIds(page)).toEqual(expected);

  const copied = await context.newPage();
  await copied.goto(page.url());
  expect(await firstIds(copied)).toEqual(expected);

  await page.getByRole("button", { name: "Clear all filters" }).first().click();
  await expect(page).toHaveURL(/\/generations$/);
});

test("a filter that matches nothing says which filters hide everything", async ({ page }) => {
  const { workspaces } = await simulatorGet<{ workspaces: Array<{ workspace_id: string; name: string }> }>("/workspaces");
  const [a, b] = workspaces;
  const { projects } = await simulatorGet<{ projects: Array<{ project_id: string; name: string }> }>(`/projects?workspace_id=${b!.workspace_id}`);
  await page.goto(`/generations?workspace=${a!.workspace_id}&project=${projects[0]!.project_id}`);
  await expect(page.getByText(`No runs match these filters: workspace ${a!.name}`)).toBeVisible();
});

test("the DOM stays small with 2,000 runs loaded", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/generations");
  const history = new HistoryPage(page);
  await expect(history.rows().first()).toBeVisible();
  await history.loadAtLeast(2_000);
  // Measured in the middle of the list and at its end (the page scrolls, not the list).
  await history.scrollTo("middle");
  await page.waitForTimeout(200);
  const middleNodes = await history.list.evaluate((element) => element.querySelectorAll("*").length);
  expect(middleNodes).toBeLessThanOrEqual(600);
  await history.scrollTo("bottom");
  await page.waitForTimeout(200);
  const nodes = await history.list.evaluate((element) => element.querySelectorAll("*").length);
  const rows = await history.rows().count();
  expect(rows).toBeLessThanOrEqual(40);
  expect(nodes).toBeLessThanOrEqual(600);
});

test("j and k move the selection and Enter opens the run", async ({ page }) => {
  await page.goto("/generations?status=completed");
  const history = new HistoryPage(page);
  await history.ready();
  await expect(history.rows().first()).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const second = history.rows().nth(1);
  await expect(second).toHaveAttribute("aria-current", "true");
  const id = await second.getAttribute("data-run-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/runs/${id}$`));
});

test("moving the selection past the bottom scrolls the selected run into view", async ({ page }) => {
  await page.goto("/generations?status=completed");
  const history = new HistoryPage(page);
  await history.ready();
  for (let press = 0; press < 25; press += 1) await page.keyboard.press("j");
  const selected = history.list.locator('[data-run-row][aria-current="true"]');
  await expect(selected).toHaveAttribute("data-position", "25");
  await expect(selected).toBeInViewport({ ratio: 1 });
  for (let press = 0; press < 20; press += 1) await page.keyboard.press("k");
  await expect(selected).toHaveAttribute("data-position", "5");
  await expect(selected).toBeInViewport({ ratio: 1 });
});

test("slash focuses the filters", async ({ page }) => {
  await page.goto("/generations");
  await new HistoryPage(page).ready();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Workspace")).toBeFocused();
});

test("grid view is remembered", async ({ page }) => {
  await page.goto("/generations");
  await page.getByRole("button", { name: "Grid" }).click();
  await expect(page.getByRole("button", { name: "Grid" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("button", { name: "Grid" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "List" }).click();
});

test("an unavailable FLORA shows an error with a retry that works", async ({ page }) => {
  test.setTimeout(60_000);
  await injectFault({ method: "GET", path: "/generations", times: 1000, fault: { kind: "status", status: 500 } });
  await page.goto("/generations");
  await expect(page.getByText("Could not load the runs.")).toBeVisible({ timeout: 40_000 });
  await clearFaults();
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(new HistoryPage(page).rows().first()).toBeVisible();
});

test("a rate-limited list says when it will retry", async ({ page }) => {
  await injectFault({
    method: "GET",
    path: "/generations",
    times: 1000,
    fault: { kind: "status", status: 429, headers: { "retry-after": "3600" }, body: { error: { code: "rate_limited", message: "x" } } },
  });
  await page.goto("/generations");
  await expect(page.getByText(/^Rate limited, retrying at \d\d:\d\d:\d\d\.$/)).toBeVisible();
});
