import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, simulatorGet } from "./support/simulator";

interface TechniqueRunsBody {
  technique_runs: Array<{ run_id: string; technique: { name: string } }>;
}

test.afterEach(async () => {
  await clearFaults();
});

test("the navigation reaches technique runs and the model catalogue", async ({ page }) => {
  await page.goto("/generations");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Technique runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Technique runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Technique runs" })).toHaveAttribute("aria-current", "page");
  const upstream = await simulatorGet<TechniqueRunsBody>("/technique-runs?limit=1");
  const firstRow = page.getByRole("listbox", { name: "Technique runs, newest first" }).locator("[data-run-row]").first();
  await expect(firstRow).toContainText(upstream.technique_runs[0]!.technique.name);
  await expect(page.getByRole("combobox", { name: "Technique" })).toBeVisible();

  await nav.getByRole("link", { name: "New generation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New generation" })).toBeVisible();
  for (const group of ["Image models", "Video models", "Audio models", "Text models"]) {
    await expect(page.getByRole("region", { name: group })).toBeVisible();
  }
});

test("one FLORA hiccup is retried away, unseen by the teammate", async ({ page }) => {
  await injectFault({ method: "GET", path: "/generations", times: 1, fault: { kind: "status", status: 500 } });
  await page.goto("/generations");
  await expect(page.getByRole("listbox", { name: "Generations, newest first" }).locator("[data-run-row]").first()).toBeVisible();
  await expect(page.getByText("Could not load the runs.")).toHaveCount(0);
});
