import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, simulatorGet } from "./support/simulator";

interface GenerationsBody {
  generations: Array<{ run_id: string; model?: { model_id: string | null }; workspace_id: string }>;
}
interface TechniqueRunsBody {
  technique_runs: Array<{ run_id: string; technique: { name: string } }>;
}
interface WorkspacesBody {
  workspaces: Array<{ workspace_id: string; name: string }>;
}

test.afterEach(async () => {
  await clearFaults();
});

test("the home page shows the first page of generations from the upstream", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/generations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Generation history" })).toBeVisible();

  const upstream = await simulatorGet<GenerationsBody>("/generations?limit=50");
  const { workspaces } = await simulatorGet<WorkspacesBody>("/workspaces");
  const rows = page.getByRole("table", { name: "Generations, newest first" }).locator("tbody tr");
  await expect(rows).toHaveCount(50);

  // Exactly the upstream's first page, in its order (newest first).
  const shownIds = await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute("data-run-id")));
  expect(shownIds).toEqual(upstream.generations.map((g) => g.run_id));

  // Workspaces appear by name, not by id.
  const first = upstream.generations.find((g) => g.run_id === shownIds[0])!;
  const workspaceName = workspaces.find((w) => w.workspace_id === first.workspace_id)!.name;
  await expect(rows.first()).toContainText(workspaceName);
  await expect(rows.first()).not.toContainText(first.workspace_id);
  if (first.model?.model_id) await expect(rows.first()).toContainText(first.model.model_id);
});

test("the navigation reaches technique runs and the model catalogue", async ({ page }) => {
  await page.goto("/generations");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Technique runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Technique runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Technique runs" })).toHaveAttribute("aria-current", "page");
  const upstream = await simulatorGet<TechniqueRunsBody>("/technique-runs?limit=1");
  const firstRow = page.getByRole("table", { name: "Technique runs, newest first" }).locator("tbody tr").first();
  await expect(firstRow).toContainText(upstream.technique_runs[0]!.technique.name);

  await nav.getByRole("link", { name: "New generation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New generation" })).toBeVisible();
  for (const group of ["Image models", "Video models", "Audio models", "Text models"]) {
    await expect(page.getByRole("region", { name: group })).toBeVisible();
  }
});

test("one FLORA hiccup is retried away, unseen by the teammate", async ({ page }) => {
  await injectFault({ method: "GET", path: "/generations", times: 1, fault: { kind: "status", status: 500 } });
  await page.goto("/generations");
  await expect(page.getByRole("table", { name: "Generations, newest first" })).toBeVisible();
});

test("the history says so when FLORA keeps failing, instead of crashing", async ({ page }) => {
  // Twice: the first answer and the gateway's one retry.
  await injectFault({ method: "GET", path: "/generations", times: 2, fault: { kind: "status", status: 500 } });
  await page.goto("/generations");
  await expect(page.getByText("Could not load the generation history from FLORA.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a malformed upstream answer is not shown as data", async ({ page }) => {
  await injectFault({ method: "GET", path: "/generations", times: 1, fault: { kind: "malformed" } });
  await page.goto("/generations");
  await expect(page.getByText("Could not load the generation history from FLORA.")).toBeVisible();
});
