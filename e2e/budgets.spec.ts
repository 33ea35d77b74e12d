import { expect, request as playwrightRequest, test } from "@playwright/test";
import { currentSpendMonth, teamMonthSpend, usdArgument } from "./support/budgets";
import type { ActivityEntryView } from "../lib/activity/contract";
import { expectErrorEnvelope } from "./support/gateway";
import { clearSimulatorRequests, simulatorGet, simulatorRequests } from "./support/simulator";
import { readLaunches } from "./support/store";
import { storageStateOf, USERS, usersCommand } from "./support/users";

// Caps are shared by every test of the suite: each test removes what it set.

const TECHNIQUE = "tech_prodshot";
const launchBody = { inputs: [{ id: "product", type: "imageUrl", value: "https://media.example/mug.png" }], workspace_id: "ws_northwind", project_id: "prj_springcampaign" };

test("50 concurrent launches from two users against a team cap that fits 3: exactly 3 reach FLORA, 47 get budget_exceeded", async ({ baseURL }) => {
  const { run_cost: runCost } = await simulatorGet<{ run_cost: number }>(`/techniques/${TECHNIQUE}`);
  const charge = runCost * 0.01; // the simulator charges run_cost credits at $0.01, the estimate the gateway reserves
  const before = await teamMonthSpend();
  usersCommand(["set-team-budget", usdArgument(before + 3 * charge)]);
  const member = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("member") });
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("admin") });
  try {
    await clearSimulatorRequests();
    const stamp = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? member : admin).post(`/api/v1/techniques/${TECHNIQUE}/runs`, { data: launchBody, headers: { "idempotency-key": `race-${stamp}-${i}` } }),
      ),
    );
    const launched = responses.filter((response) => response.status() === 200);
    const refused = responses.filter((response) => response.status() === 402);
    expect(launched).toHaveLength(3);
    expect(refused).toHaveLength(47);
    const { error } = await expectErrorEnvelope(refused[0]!, 402, "budget_exceeded");
    expect(error.message).toMatch(/the team's monthly budget .* is left/);

    const reached = (await simulatorRequests()).filter((entry) => entry.method === "POST" && entry.path === `/api/v1/techniques/${TECHNIQUE}/runs`);
    expect(reached.map((entry) => entry.status)).toEqual([200, 200, 200]);

    const runIds = await Promise.all(launched.map(async (response) => ((await response.json()) as { run_id: string }).run_id));
    const charges = await Promise.all(runIds.map(async (runId) => (await readLaunches({ runId }))[0]!.charged_usd as number));
    expect(charges).toEqual([charge, charge, charge]);
    expect((await teamMonthSpend()) - before).toBeCloseTo(charges.reduce((sum, value) => sum + value, 0), 9);

    // The activity log has the cap change, each refusal and each launch with its charge.
    const since = new Date(stamp).toISOString();
    const entries = async (kind: string) =>
      ((await (await admin.get(`/api/activity?kind=${kind}&limit=100`)).json()) as { entries: ActivityEntryView[] }).entries.filter((entry) => entry.at >= since);
    const refusals = await entries("budget_refused");
    expect(refusals).toHaveLength(47);
    expect(refusals[0]!.detail).toMatchObject({ cap_scope: "team", estimate_usd: charge });
    const launches = await entries("launch");
    expect(launches.map((entry) => entry.subject).sort()).toEqual([...runIds].sort());
    expect(launches.map((entry) => entry.detail?.charged_usd)).toEqual([charge, charge, charge]);
    const changed = ((await (await admin.get(`/api/activity?kind=budget_changed&limit=5`)).json()) as { entries: ActivityEntryView[] }).entries;
    expect(changed[0]).toMatchObject({ subject: "team", detail: expect.objectContaining({ via: "users_command" }) });
  } finally {
    usersCommand(["set-team-budget", "none"]);
    await Promise.all([member.dispose(), admin.dispose()]);
  }
});

test("the budget routes: a member is refused (403), a bad amount is a 400, an admin sets a cap on the Users page and the teammate is warned at 80 %", async ({ page, baseURL, browser }) => {
  const member = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("member") });
  try {
    await expectErrorEnvelope(await member.put("/api/admin/budget", { data: { monthly_usd: 1_000 } }), 403, "forbidden");
    await expectErrorEnvelope(await page.request.put("/api/admin/budget", { data: { monthly_usd: -5 } }), 400, "input_validation_error");
    await expectErrorEnvelope(await page.request.put("/api/admin/budget", { data: { monthly_usd: "10" } }), 400, "input_validation_error");

    // No cap applies yet; one launch gives the member a spend this month, and a cap of
    // that spend / 0.9 puts them at 90 %, past the warning line.
    expect(await (await member.get("/api/account/budget")).json()).toMatchObject({ caps: [] });
    expect((await member.post(`/api/v1/techniques/${TECHNIQUE}/runs`, { data: launchBody })).status()).toBe(200);
    const memberSpend = (await readLaunches({ userEmail: USERS.member.email })).reduce((sum, row) => sum + (row.spend_month === currentSpendMonth() ? (row.reserved_usd as number) : 0), 0);
    expect(memberSpend).toBeGreaterThan(0);
    await page.goto("/admin/users");
    const field = page.getByLabel(`Monthly budget of ${USERS.member.email} (USD)`);
    await field.fill("ten dollars");
    await field.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Give US dollars" })).toBeVisible();
    await field.fill(usdArgument(memberSpend / 0.9));
    await field.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    const memberPage = await (await browser.newContext({ baseURL, storageState: storageStateOf("member") })).newPage();
    await memberPage.goto(`/techniques/${TECHNIQUE}`);
    await expect(memberPage.getByTestId("budget-warning")).toContainText("90% of your monthly budget is used");
    await expect(memberPage.getByTestId("budget-warning-header")).toHaveText(/Budget 90% used/);
    await memberPage.context().close();
  } finally {
    usersCommand(["set-budget", USERS.member.email, "none"]);
    await member.dispose();
  }
});
