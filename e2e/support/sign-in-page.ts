import { expect, type Page } from "@playwright/test";

/** The sign-in form, found the way a person finds it: by its labels and button. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  readonly form = () => this.page.getByRole("form", { name: "Sign in with email and password" });

  async signIn(email: string, password: string) {
    const form = this.form();
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    const button = form.getByRole("button", { name: "Sign in" });
    await expect(button).toBeEnabled();
    await button.click();
  }

  async expectError(message: string) {
    await expect(this.form().getByRole("alert")).toHaveText(message);
  }
}
