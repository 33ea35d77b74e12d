import { expect, test } from "@playwright/test";
import { SignInPage } from "./support/sign-in-page";
import { USERS, usersCommand } from "./support/users";

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
  await page.getByRole("dialog", { name: `Change the role of ${email}?` }).getByRole("button", { name: "Make them viewer" }).click();
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

test("the add-user form shows its mistakes on their fields, and sends nothing", async ({ page }) => {
  await page.goto("/admin/users");
  const addForm = page.getByRole("form", { name: "Add a user" });
  let sent = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/admin/users") sent += 1;
  });
  await addForm.getByLabel("Email").fill("not an email");
  await addForm.getByLabel("Password").fill("short");
  await addForm.getByRole("button", { name: "Add user" }).click();
  const email = addForm.getByLabel("Email");
  await expect(email).toHaveAccessibleDescription("Enter a valid email address, like sam@example.com.");
  await expect(email).toBeFocused();
  await expect(addForm.getByLabel("Password")).toHaveAccessibleDescription("At least 8 characters.");
  expect(sent).toBe(0);
});

test("a role change asks first, your own signs you out into the new role, and an old error goes", async ({ browser, baseURL }) => {
  // Fresh users: the shared admin and teammates keep their roles for every other test.
  const stamp = Date.now();
  const admin = { email: `roles-admin-${stamp}@atelier.test`, password: "roles-password-1" };
  const target = `roles-target-${stamp}@atelier.test`;
  usersCommand(["add", admin.email, "--role", "admin", "--password-stdin"], `${admin.password}\n`);
  usersCommand(["add", target, "--role", "member", "--password-stdin"], "target-password-1\n");

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Fusers");
  await new SignInPage(page).signIn(admin.email, admin.password);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText("Admin");

  // A failure first, so there is an old error to clear.
  const addForm = page.getByRole("form", { name: "Add a user" });
  await addForm.getByLabel("Email").fill(USERS.viewer.email);
  await addForm.getByLabel("Password").fill("a-good-password");
  await addForm.getByRole("button", { name: "Add user" }).click();
  await expect(addForm.getByRole("alert")).toContainText("already exists");

  // Cancelled: nothing changes.
  const targetRole = page.getByLabel(`Role of ${target}`);
  await targetRole.focus();
  await targetRole.selectOption("viewer");
  const ask = page.getByRole("dialog", { name: `Change the role of ${target}?` });
  await expect(ask).toContainText("Member → Viewer");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(targetRole).toHaveValue("member");
  await expect(targetRole).toBeFocused();
  await expect(page.getByTestId("users-message")).toHaveCount(0);

  // Confirmed: the change is made, and the old error is gone.
  await targetRole.selectOption("viewer");
  await ask.getByRole("button", { name: "Make them viewer" }).click();
  await expect(page.getByTestId("users-message")).toHaveText(`${target} is now viewer.`);
  await expect(targetRole).toHaveValue("viewer");
  await expect(addForm.getByRole("alert")).toHaveCount(0);

  // Your own role: asked as such. A new role ends your sessions, so the page signs you out
  // at once instead of leaving a header that still says admin; signed in again, it says member.
  await page.getByLabel(`Role of ${admin.email}`).selectOption("member");
  const askMe = page.getByRole("dialog", { name: "Change your own role?" });
  await expect(askMe).toContainText("signed out everywhere, this session included");
  await expect(askMe).toContainText("no longer manage users");
  await askMe.getByRole("button", { name: "Make me member" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=role-changed$/);
  await expect(page.getByRole("status")).toContainText("Your role was changed");
  await new SignInPage(page).signIn(admin.email, admin.password);
  await expect(page.getByTestId("signed-in-user")).toContainText("Member");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await context.close();
});
