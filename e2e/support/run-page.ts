import { expect, type Browser, type Page } from "@playwright/test";
import { storageStateOf, type TestRole } from "./users";

export const NORTHWIND = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" } as const;

/** Launches a generation through the gateway as a teammate of that role; returns the run id. */
export async function launchGeneration(
  browser: Browser,
  baseURL: string | undefined,
  body: { type: "image" | "video" | "audio" | "text"; prompt: string; params?: Record<string, unknown> },
  role: TestRole = "member",
): Promise<string> {
  const context = await browser.newContext({ baseURL, storageState: storageStateOf(role) });
  try {
    const response = await context.request.post("/api/v1/generate", { data: { ...NORTHWIND, ...body } });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { run_id: string }).run_id;
  } finally {
    await context.close();
  }
}

export async function launchTechniqueRun(browser: Browser, baseURL: string | undefined, techniqueId: string, inputs: unknown[]): Promise<string> {
  const context = await browser.newContext({ baseURL, storageState: storageStateOf("member") });
  try {
    const response = await context.request.post(`/api/v1/techniques/${techniqueId}/runs`, { data: { inputs, mode: "async" } });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { run_id: string }).run_id;
  } finally {
    await context.close();
  }
}

/** A run's page, found by roles and labels. */
export class RunPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1 });
  readonly status = () => this.page.getByTestId("run-status");
  readonly outputs = () => this.page.getByRole("region", { name: "Outputs" });
  readonly problem = () => this.page.getByRole("main").getByRole("alert");
  readonly backLink = () => this.page.getByRole("link", { name: "Back to history" });
  /** What was asked: the prompt and who launched it, under the title. */
  readonly asked = () => this.page.getByRole("region", { name: "What was asked" });
  /** One output, by the name its caption gives it (the caption also holds its facts and download). */
  readonly figure = (name: string) => this.outputs().getByRole("figure").filter({ has: this.page.getByText(name, { exact: true }) });
  readonly facts = (name: string) => this.figure(name).getByTestId("output-facts");
  readonly lightbox = () => this.page.getByRole("dialog");

  /** Nothing wider than the viewport: the page never scrolls sideways. */
  async expectNoHorizontalOverflow() {
    await expect
      .poll(() => this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
  }

  async expectStatus(label: "Pending" | "Running" | "Completed" | "Failed", timeout = 10_000) {
    await expect(this.status()).toHaveText(`Status: ${label}`, { timeout });
  }
}
