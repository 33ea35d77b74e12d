import { expect, test as setup } from "@playwright/test";
import { SignInPage } from "./support/sign-in-page";
import { storageStateOf, USERS, usersCommand, type TestRole } from "./support/users";

/** Every stack the suite started (playwright.config.ts): each has its own store, so its own users. */
const stacks = Array.from({ length: Number(process.env.E2E_STACKS ?? 1) }, (_, stack) => stack);

for (const stack of stacks) {
  setup(`create the test users with the users command (stack ${stack})`, () => {
    for (const user of [USERS.member, USERS.viewer, USERS.limited]) {
      expect(usersCommand(["add", user.email, "--role", user.role, "--password-stdin"], `${user.password}\n`, stack)).toContain(
        `Added ${user.email} as ${user.role}.`,
      );
    }
    expect(usersCommand(["list"], "", stack)).toMatch(/admin@atelier\.local\tadmin\tactive \(demo\)/);
  });

  for (const role of ["admin", "member", "viewer"] as TestRole[]) {
    setup(`sign in as the ${role} (stack ${stack})`, async ({ page }) => {
      await page.goto(`http://127.0.0.1:${process.env[`E2E_APP_PORT_${stack}`]}/sign-in`);
      await new SignInPage(page).signIn(USERS[role].email, USERS[role].password);
      await expect(page).toHaveURL(/\/generations$/);
      await expect(page.getByTestId("signed-in-user")).toContainText(role[0]!.toUpperCase() + role.slice(1));
      await page.context().storageState({ path: storageStateOf(role, stack) });
    });
  }
}
