import { expect, test as setup } from "@playwright/test";
import { SignInPage } from "./support/sign-in-page";
import { storageStateOf, USERS, usersCommand, type TestRole } from "./support/users";

setup("create the test users with the users command", () => {
  for (const user of [USERS.member, USERS.viewer, USERS.limited]) {
    expect(usersCommand(["add", user.email, "--role", user.role, "--password-stdin"], `${user.password}\n`)).toContain(
      `Added ${user.email} as ${user.role}.`,
    );
  }
  expect(usersCommand(["list"])).toMatch(/admin@atelier\.local\tadmin\tactive \(demo\)/);
});

for (const role of ["admin", "member", "viewer"] as TestRole[]) {
  setup(`sign in as the ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await new SignInPage(page).signIn(USERS[role].email, USERS[role].password);
    await expect(page).toHaveURL(/\/generations$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(role[0]!.toUpperCase() + role.slice(1));
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
