import FLORA from "@flora-ai/flora";
import { expect, test } from "@playwright/test";
import { NORTHWIND } from "./support/run-page";
import { readLaunches } from "./support/store";
import { storageStateOf, USERS, usersCommand } from "./support/users";

/** `token add` prints the token alone on the last line of standard output. */
const addToken = (email: string, name: string) => usersCommand(["token", "add", email, "--name", name]).trim().split("\n").at(-1)!;
const sdk = (baseURL: string | undefined, apiKey: string) => new FLORA({ baseURL: `${baseURL}/api/v1`, apiKey, maxRetries: 0 });

test("the official SDK with an access token lists, launches and retrieves; revoked, unknown and viewer tokens are refused", async ({ baseURL, page }) => {
  const token = addToken(USERS.member.email, "sdk-contract");
  expect(token).toMatch(/^atl_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
  const client = sdk(baseURL, token);

  const listed = await client.generations.list({ limit: 2 });
  expect(listed.generations).toHaveLength(2);
  const launched = await client.generations.create({ ...NORTHWIND, type: "image", prompt: "a teapot launched by a script" });
  const run = await client.generations.retrieve(launched.run_id);
  expect(run.run_id).toBe(launched.run_id);
  // Recorded like a form launch: the launcher, the prompt, and which token.
  expect((await readLaunches({ runId: launched.run_id }))[0]).toMatchObject({ user_email: USERS.member.email, prompt: "a teapot launched by a script", token_name: "sdk-contract" });
  await page.goto(`/runs/${launched.run_id}`);
  await expect(page.getByTestId("launched-by")).toContainText(`${USERS.member.email} via token ‘sdk-contract’`);

  const viewerClient = sdk(baseURL, addToken(USERS.viewer.email, "viewer-script"));
  expect((await viewerClient.workspaces.list()).workspaces.length).toBeGreaterThan(0);
  await expect(viewerClient.generations.create({ ...NORTHWIND, type: "image", prompt: "not allowed" })).rejects.toMatchObject({ status: 403 });

  await expect(sdk(baseURL, `atl_AAAAAAAA_${"x".repeat(32)}`).generations.list()).rejects.toMatchObject({ status: 401 });
  usersCommand(["token", "revoke", token.slice(0, 12)]);
  // The command runs in another process: the server's one-second memory of the token lapses first.
  await expect.poll(async () => client.generations.list().then(() => 200, (error: { status?: number }) => error.status), { timeout: 5_000 }).toBe(401);

  // Both ends of the token's life are in the activity log (the admin's page reads it).
  for (const kind of ["token_created", "token_revoked"]) {
    const { entries } = (await (await page.request.get(`/api/activity?kind=${kind}&limit=20`)).json()) as { entries: Array<{ subject: string; detail: Record<string, unknown> }> };
    expect(entries.find((entry) => entry.subject === token.slice(0, 12))?.detail).toMatchObject({ name: "sdk-contract", via: "users_command" });
  }
});

test.describe("the tokens page", () => {
  test.use({ storageState: storageStateOf("member") });

  test("creates a token shown once, which opens the API until it is revoked", async ({ page, request }) => {
    await page.goto("/account/tokens");
    await page.getByLabel("Token name").fill("page-token");
    await page.getByLabel("Expires").selectOption({ label: "In 7 days" });
    await expect(page.getByLabel("Token role").locator("option")).toHaveText(["Viewer", "Member"]);
    await page.getByRole("button", { name: "Create token" }).click();

    await expect(page.getByRole("heading", { name: /Copy your new token “page-token” now/ })).toBeFocused();
    const token = await page.getByLabel("New token", { exact: true }).inputValue();
    expect(token).toMatch(/^atl_/);
    const auth = { headers: { authorization: `Bearer ${token}` } };
    expect((await request.get("/api/v1/workspaces", auth)).status()).toBe(200);

    await page.getByRole("button", { name: "I have stored it" }).click();
    await expect(page.getByLabel("New token", { exact: true })).toHaveCount(0);
    const row = page.getByRole("row", { name: /page-token/ });
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: /^Revoke page-token/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    // Revoked from the page: refused from the next request on.
    expect((await request.get("/api/v1/workspaces", auth)).status()).toBe(401);
  });
});
