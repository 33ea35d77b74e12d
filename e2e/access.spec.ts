import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./support/users";

const BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

async function expectEnvelope(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, code: string) {
  expect(response.status()).toBe(status);
  const body = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("API routes answer 401 in the envelope, with and without the proxy-bypass header", async ({ request }) => {
    const someId = "6f1c1f9e-4a63-4f4e-9d3b-2c8f0d5e7a11";
    for (const headers of [{}, BYPASS]) {
      await expectEnvelope(await request.get("/api/admin/users", { headers }), 401, "unauthorized");
      await expectEnvelope(
        await request.post("/api/admin/users", { headers, data: { email: "x@y.example", role: "admin", password: "12345678" } }),
        401,
        "unauthorized",
      );
      await expectEnvelope(await request.patch(`/api/admin/users/${someId}`, { headers, data: { role: "admin" } }), 401, "unauthorized");
      await expectEnvelope(await request.delete(`/api/admin/users/${someId}`, { headers }), 401, "unauthorized");
    }
  });

  test("pages redirect to sign-in even with the proxy-bypass header", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: BYPASS });
    const page = await context.newPage();
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
    await context.close();
  });

  test("health needs no session", async ({ request }) => {
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("cannot reach the admin page or see its link", async ({ page }) => {
    await page.goto("/generations");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });

  test("gets 403 in the envelope from admin API routes", async ({ request }) => {
    await expectEnvelope(await request.get("/api/admin/users"), 403, "forbidden");
    await expectEnvelope(
      await request.post("/api/admin/users", { data: { email: "x@y.example", role: "admin", password: "12345678" } }),
      403,
      "forbidden",
    );
  });
});

test.describe("a member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("browses the history but gets 403 from admin routes", async ({ page, request }) => {
    await page.goto("/generations");
    await expect(page.getByRole("heading", { level: 1, name: "Generation history" })).toBeVisible();
    await expectEnvelope(await request.get("/api/admin/users"), 403, "forbidden");
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
  });
});
