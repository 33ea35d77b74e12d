import { expect, type Page } from "@playwright/test";

/** The generation form at /new, found by its labels. */
export class LaunchForm {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByRole("form", { name: "New generation" });
  readonly prompt = () => this.form().getByRole("textbox", { name: "Prompt", exact: true });
  readonly launchButton = () => this.form().getByRole("button", { name: "Launch" });
  readonly failure = () => this.form().getByRole("alert");
  readonly estimate = () => this.page.getByTestId("launch-estimate");
  /** The model's optional params, collapsed under "Advanced parameters". */
  readonly advanced = () => this.form().locator("details", { has: this.page.getByText("Advanced parameters") });
  /** A rate-limit wait: its countdown and its Cancel button. */
  readonly rateLimitWait = () => this.form().getByRole("status").filter({ hasText: "rate limiting" });

  async open(query = "") {
    await this.page.goto(`/new${query}`);
    await expect(this.form()).toBeVisible();
  }

  async choose(type: "Image" | "Video" | "Audio" | "Text", modelName: string) {
    await this.form().getByRole("group", { name: "Type" }).getByRole("radio", { name: type }).check();
    await this.form()
      .getByRole("group", { name: "Model" })
      .getByRole("radio", { name: new RegExp(`^${modelName.replace(/[[\]().]/g, "\\$&")}`) })
      .check();
  }

  /** Opens the advanced (optional) params, if they are not open yet. */
  async openAdvanced() {
    const details = this.advanced();
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
    await expect(details).toHaveAttribute("open", "");
  }

  /** A number param's own field (not its slider). */
  number(label: string) {
    return this.form().getByRole("spinbutton", { name: label });
  }
}
