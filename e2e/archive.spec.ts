import { expect, test } from "@playwright/test";
import { launchGeneration } from "./support/run-page";
import { simulatorOrigin } from "./support/simulator";

/**
 * FLORA's output URLs are long-lived, not permanent. Once the dashboard has seen a run it
 * launched complete, it copies the outputs into its archive; when the simulator then
 * forgets the run's media (its URLs answer 410), the run page still shows the image, the
 * download still works, and the history shows the archive's thumbnail.
 */

test("a launched run's media outlives FLORA's URL: the run page, the download and the history use the archive", async ({ browser, baseURL, page, request }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "a lighthouse kept for later" });
  // The dashboard learns the run ended by polling it: the archive copies it in the background.
  await expect.poll(async () => (await (await request.get(`/api/v1/runs/${runId}`)).json()).status, { timeout: 20_000 }).toBe("completed");
  const run = (await (await request.get(`/api/v1/runs/${runId}`)).json()) as { outputs: Array<{ output_id: string; url: string }> };
  const output = run.outputs[0]!;
  const archived = `/api/archive/media?run_id=${runId}&output_id=${output.output_id}`;
  await expect.poll(async () => (await request.get(archived)).status(), { timeout: 15_000 }).toBe(200);

  const forgot = await fetch(`${simulatorOrigin}/_sim/media/forget`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ run_id: runId }) });
  expect(forgot.status).toBe(200);
  expect((await fetch(output.url)).status).toBe(410);

  await page.goto(`/runs/${runId}`);
  const outputs = page.getByRole("region", { name: "Outputs" });
  const image = outputs.getByRole("button", { name: /full size/ }).getByRole("img");
  await expect(image).toHaveAttribute("src", archived);
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download"), outputs.getByRole("link", { name: /^Download / }).first().click()]);
  expect(download.suggestedFilename()).toBe(`${runId}-1-image.png`);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(1, 4).toString("latin1")).toBe("PNG");

  await page.goto("/generations");
  const newest = page.getByRole("img", { name: "Image output" }).first();
  await expect(newest).toHaveAttribute("src", new RegExp(`^/api/archive/thumb\\?run_id=${runId}&output_id=${output.output_id}&size=(row|grid)$`));
  await expect.poll(() => newest.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);

  // Admins see what the archive holds on /usage.
  await page.goto("/usage");
  const archive = page.getByRole("region", { name: "Archive" });
  await expect(archive.getByTestId("archive-bytes")).not.toHaveText("0 B");
});
