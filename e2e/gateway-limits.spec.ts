import { expect, test } from "@playwright/test";
import { clearSimulatorRequests, simulatorRequests } from "./support/simulator";

// Runs as the admin (the project's default storage state).

test("a run id FLORA does not know is answered 404 from memory for a few seconds", async ({ page }) => {
  const runId = `run_unknown${Date.now()}`;
  await clearSimulatorRequests();
  for (let i = 0; i < 6; i += 1) {
    const response = await page.request.get(`/api/v1/runs/${runId}`);
    expect(response.status()).toBe(404);
    expect((await response.json()).error).toMatchObject({ code: "not_found", message: expect.any(String) });
  }
  const upstream = (await simulatorRequests()).filter((request) => request.path.includes(runId));
  expect(upstream).toHaveLength(1);
});
