import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { rawSignIn } from "./support/raw-sign-in";
import { SignInPage } from "./support/sign-in-page";
import { usersCommand } from "./support/users";

// Every test here ends sessions, so each uses a teammate of its own, never the suite's
// shared users (whose signed-in storage states the other specs reuse).

const PASSWORD = "first-password-1";

function freshMember(tag: string): string {
  const email = `sessions-${tag}-${Date.now()}@atelier.test`;
  expect(usersCommand(["add", email, "--role", "member", "--password-stdin"], `${PASSWORD}\n`)).toContain(`Added ${email}`);
  return email;
}

async function signedIn(browser: Browser, baseURL: string, email: string, password = PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/generations$/);
  return context;
}

const apiStatus = async (context: BrowserContext) => (await context.request.get("/api/v1/workspaces")).status();

test("the account page shows who you are, and Sign out everywhere ends every session at once", async ({ browser, baseURL }) => {
  const email = freshMember("everywhere");
  const laptop = await signedIn(browser, baseURL!, email);
  const phone = await signedIn(browser, baseURL!, email);
  expect(await apiStatus(phone)).toBe(200);

  const page = laptop.pages()[0]!;
  await page.getByTestId("signed-in-user").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: email })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Member" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere$/);
  await expect(page.getByRole("status").filter({ hasText: "You were signed out everywhere." })).toBeVisible();

  // The other device's cookie is still in its jar, and worth nothing: API and pages alike.
  expect(await apiStatus(phone)).toBe(401);
  const phonePage = phone.pages()[0]!;
  await phonePage.goto("/technique-runs");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await laptop.close();
  await phone.close();
});

test("changing the password needs the current one, ends every session, and only the new one works", async ({ browser, baseURL }) => {
  // Three sign-ins (scrypt on purpose) and a users command process: more than 30 s on a loaded machine.
  test.slow();
  const email = freshMember("password");
  const laptop = await signedIn(browser, baseURL!, email);
  const phone = await signedIn(browser, baseURL!, email);
  const page = laptop.pages()[0]!;
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change password" });

  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password").fill("second-password-2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Is not your current password.")).toBeVisible();
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  expect(await apiStatus(phone)).toBe(200);

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-changed$/);
  expect(await apiStatus(phone)).toBe(401);

  expect((await rawSignIn(baseURL!, email, PASSWORD, { localAddress: "127.0.7.1" })).error).toBe("CredentialsSignin");
  const again = await signedIn(browser, baseURL!, email, "second-password-2");
  expect(await apiStatus(again)).toBe(200);
  await Promise.all([laptop.close(), phone.close(), again.close()]);
});

test("a role change ends the teammate's sessions, and disabling then enabling does not revive them", async ({ browser, baseURL, page }) => {
  // Three runs of the users command (a tsx process each, seconds apiece on a loaded machine).
  test.slow();
  const email = freshMember("admin-change");
  const theirs = await signedIn(browser, baseURL!, email);
  expect(await apiStatus(theirs)).toBe(200);

  // The admin (this test's own page) demotes them on the Users page.
  await page.goto("/admin/users");
  await page.getByLabel(`Role of ${email}`).selectOption("viewer");
  await page.getByRole("dialog", { name: `Change the role of ${email}?` }).getByRole("button", { name: "Make them viewer" }).click();
  await expect(page.getByTestId("users-message")).toHaveText(`${email} is now viewer.`);
  expect(await apiStatus(theirs)).toBe(401);
  await theirs.close();

  const again = await signedIn(browser, baseURL!, email);
  expect(await apiStatus(again)).toBe(200);
  // From the users command, in another process: the server notices within a second.
  usersCommand(["disable", email]);
  usersCommand(["enable", email]);
  await expect.poll(() => apiStatus(again), { timeout: 5_000 }).toBe(401);
  await again.close();
});
