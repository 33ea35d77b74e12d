import { expect, test } from "@playwright/test";
import { SignInPage } from "./support/sign-in-page";
import { USERS } from "./support/users";

// Runs as the admin (the project's default storage state).

test("an admin adds a user, changes their role, disables, enables and removes them", async ({ page, browser, baseURL }) => {
  const email = `new-${Date.now()}@atelier.test`;
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  const addForm = page.getByRole("form", { name: "Add a user" });
  await addForm.getByLabel("Email").fill(email);
  await addForm.getByLabel("Name (optional)").fill("New Person");
  await addForm.getByLabel("Role").selectOption("member");
  await addForm.getByLabel("Password").fill("a-good-password");
  await addForm.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("users-message")).toHaveText(`Added ${email}.`);

  await page.getByLabel(`Role of ${email}`).selectOption("viewer");
  await expect(page.getByTestId("users-message")).toHaveText(`${email} is now viewer.`);

  await page.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(page.getByTestId("users-message")).toHaveText(`Disabled ${email}.`);

  // A disabled user cannot sign in.
  const other = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  const signIn = new SignInPage(otherPage);
  await signIn.signIn(email, "a-good-password");
  await signIn.expectError("Wrong email or password.");

  await page.getByRole("button", { name: `Enable ${email}` }).click();
  await expect(page.getByTestId("users-message")).toHaveText(`Enabled ${email}.`);
  await signIn.signIn(email, "a-good-password");
  await expect(otherPage).toHaveURL(/\/generations$/);
  await expect(otherPage.getByTestId("signed-in-user")).toContainText("Viewer");

  // Removing the user ends their session on its next request.
  await page.getByRole("button", { name: `Remove ${email}` }).click();
  await page.getByRole("button", { name: `Confirm removing ${email}` }).click();
  await expect(page.getByTestId("users-message")).toHaveText(`Removed ${email}.`);
  await expect(page.locator(`tr[data-user-email="${email}"]`)).toHaveCount(0);
  await otherPage.goto("/technique-runs");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("the last admin cannot be removed, demoted or disabled", async ({ page }) => {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Remove ${USERS.admin.email}` }).click();
  await page.getByRole("button", { name: `Confirm removing ${USERS.admin.email}` }).click();
  await expect(page.getByTestId("users-message")).toHaveText(
    `Cannot remove ${USERS.admin.email}: they are the last active admin.`,
  );
  await page.getByRole("button", { name: `Disable ${USERS.admin.email}` }).click();
  await expect(page.getByTestId("users-message")).toContainText("last active admin");
  await expect(page.locator(`tr[data-user-email="${USERS.admin.email}"]`)).toContainText("Active");
});

test("adding a duplicate or an invalid user shows why", async ({ page }) => {
  await page.goto("/admin/users");
  const addForm = page.getByRole("form", { name: "Add a user" });
  await addForm.getByLabel("Email").fill(USERS.viewer.email);
  await addForm.getByLabel("Password").fill("a-good-password");
  await addForm.getByRole("button", { name: "Add user" }).click();
  await expect(addForm.getByRole("alert")).toHaveText(`A user with the email ${USERS.viewer.email} already exists.`);
});
