import { expect, test } from "@playwright/test";
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

test("one FLORA hiccup is retried away, unseen by the teammate", async ({ page }) => {
  await injectFault({ method: "GET", path: "/generations", times: 1, fault: { kind: "status", status: 500 } });
  await page.goto("/generations");
  await expect(page.getByRole("list", { name: "Generations, newest first" }).locator("[data-run-row]").first()).toBeVisible();
  await expect(page.getByText("Could not load the runs.")).toHaveCount(0);
});
