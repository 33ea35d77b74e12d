import { expect, test } from "@playwright/test";
import { simulatorKey } from "./support/simulator";

test("GET /api/health answers without a session and reveals no secret", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ status: "ok", upstream: "simulator", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });

  const raw = JSON.stringify({ body: await response.text(), headers: response.headers() });
  expect(raw).not.toContain(simulatorKey);
});
