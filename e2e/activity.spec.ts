import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { rawSignIn } from "./support/raw-sign-in";
import { clearFaults, injectFault } from "./support/simulator";
import { storageStateOf, USERS } from "./support/users";

/**
 * The activity log as an admin reads it: one entry of each kind this part records (a
 * sign-in, a failed sign-in, a user added and their role changed, an output
 * downloaded) and a launch, in the table; the kind filter in the URL; the CSV export of the
 * same filter; a phone-width page that does not scroll sideways. Members are refused.
 */

test.afterEach(clearFaults);

test("an admin sees each kind of entry, filters by kind, and exports the same filter", async ({ page, baseURL }) => {
  const stamp = Date.now();
  const tried = `nobody-${stamp}@atelier.test`;
  const newcomer = `activity-${stamp}@atelier.test`;
  const runId = `run_activity${stamp}`;

  // A sign-in and a failed one, each from an address of its own (the limiter counts per address).
  expect((await rawSignIn(baseURL!, USERS.member.email, USERS.member.password, { localAddress: "127.0.31.2" })).error).toBeNull();
  expect((await rawSignIn(baseURL!, tried, "wrong-password-1", { localAddress: "127.0.31.1" })).error).toBe("CredentialsSignin");
  // A user added, then their role changed, by this admin.
  const added = await page.request.post("/api/admin/users", { data: { email: newcomer, role: "viewer", password: "activity-password-1" } });
  expect(added.status()).toBe(201);
  const { user } = (await added.json()) as { user: { id: string } };
  expect((await page.request.patch(`/api/admin/users/${user.id}`, { data: { role: "member" } })).status()).toBe(200);
  // A download: FLORA's answer for a made-up run, with a text output (nothing to fetch).
  await injectFault({
    method: "GET",
    path: `/runs/${runId}`,
    times: 5,
    fault: { kind: "status", status: 200, body: { run_id: runId, status: "completed", progress: 100, created_at: stamp - 5_000, completed_at: stamp, outputs: [{ output_id: "out_1", type: "text", url: "hello" }] } },
  });
  expect((await page.request.get(`/api/run-outputs?run_id=${runId}&output_id=out_1`)).status()).toBe(200);
  // A launch, recorded by the launch service.
  const launched = await page.request.post("/api/v1/generate", { data: { type: "image", prompt: "activity log check", workspace_id: "ws_northwind", project_id: "prj_springcampaign" } });
  expect(launched.status()).toBe(200);
  const launchedRun = ((await launched.json()) as { run_id: string }).run_id;

  await page.goto("/generations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
  const table = page.getByRole("region", { name: "Activity entries" });
  const row = (text: string) => table.getByRole("row").filter({ hasText: text });
  await expect(row(tried)).toContainText("Failed sign-in");
  await expect(row(tried)).toContainText("no user has this email, with email and password from 127.0.31.1");
  await expect(row("Role changed").filter({ hasText: newcomer })).toContainText("Viewer → Member");
  await expect(row("User added").filter({ hasText: newcomer })).toContainText("admin@atelier.local");
  await expect(row(runId)).toContainText("Output downloaded");
  await expect(row(launchedRun)).toContainText("Launch");
  await expect(row("from 127.0.31.2")).toContainText(USERS.member.email);
  await expect(row("from 127.0.31.2")).toContainText("Signed in");

  await page.getByLabel("Kind").selectOption({ label: "Role changed" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/activity\?kind=role_changed$/);
  await expect(row(newcomer)).toContainText("Viewer → Member");
  await expect(row("Failed sign-in")).toHaveCount(0);
  await expect(row("Output downloaded")).toHaveCount(0);
  await expectNoSeriousViolations(page);

  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", "/api/activity/export?kind=role_changed");
  const csv = await (await page.request.get((await exportLink.getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[0]).toBe("time_utc,kind,what,who,who_id,subject,details");
  expect(csv).toContain(`,role_changed,Role changed,admin@atelier.local,`);
  expect(csv).toContain(`,${newcomer},`);
  expect(csv).not.toContain("sign_in_failed");

  // On a phone the table scrolls in its own box; the page never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/activity");
  await expect(table).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test.describe("a member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("is refused the page and the API, and has no link to them", async ({ page }) => {
    await page.goto("/generations");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" })).toHaveCount(0);
    expect((await page.goto("/activity"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    for (const path of ["/api/activity", "/api/activity/export"]) {
      const refused = await page.request.get(path);
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    }
  });
});
