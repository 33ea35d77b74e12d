import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The history list, as a person finds it: the list of runs and its filters. The page
 * scrolls (not the list), so scrolling helpers move the window.
 */
export class HistoryPage {
  readonly list: Locator;

  constructor(
    private readonly page: Page,
    name = "Generations, newest first",
  ) {
    this.list = page.getByRole("list", { name });
  }

  /** Rows shown and React in charge (keyboard and filters answer). */
  async ready() {
    await expect(this.rows().first()).toBeVisible();
    await expect(this.list).toHaveAttribute("data-hydrated", "true");
  }

  rows() {
    return this.list.locator("[data-run-row]");
  }

  row(runId: string) {
    return this.list.locator(`[data-run-row][data-run-id="${runId}"]`);
  }

  selected() {
    return this.list.locator('[data-run-row][aria-current="true"]');
  }

  /** Run ids of the rows rendered now, by their index in the whole list. */
  async renderedIds(): Promise<Map<number, string>> {
    const pairs = await this.list.evaluate((list) =>
      Array.from(list.querySelectorAll<HTMLElement>("[data-run-row]")).map(
        (item) => [Number(item.getAttribute("data-position")), item.getAttribute("data-run-id") ?? ""] as const,
      ),
    );
    return new Map(pairs);
  }

  /** Runs loaded so far. */
  async loadedCount(): Promise<number> {
    return Number(await this.list.getAttribute("data-loaded"));
  }

  /** Scrolls the page to `y` px (a number, or "bottom"/"middle" of the document). */
  async scrollTo(y: number | "bottom" | "middle") {
    await this.page.evaluate((to) => {
      const max = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo(0, to === "bottom" ? max : to === "middle" ? max / 2 : to);
    }, y);
  }

  /** Jumps to the end repeatedly until at least `count` runs are loaded. */
  async loadAtLeast(count: number) {
    await this.ready();
    for (let step = 0; step < 600 && (await this.loadedCount()) < count; step += 1) {
      await this.scrollTo("bottom");
      await this.page.waitForTimeout(100);
    }
    expect(await this.loadedCount()).toBeGreaterThanOrEqual(count);
  }

  /** Scrolls down until `count` runs have been seen, collecting their ids in list order. */
  async collectIds(count: number): Promise<string[]> {
    await this.ready();
    const seen = new Map<number, string>();
    for (let step = 0; step < 400 && seen.size < count; step += 1) {
      for (const [index, id] of await this.renderedIds()) seen.set(index, id);
      await this.page.evaluate(() => window.scrollBy(0, window.innerHeight * 0.8));
      await this.page.waitForTimeout(60);
    }
    const ids = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    expect(ids.length).toBeGreaterThanOrEqual(count);
    return ids.slice(0, count);
  }

  /** The page has no horizontal scrolling: nothing is wider than the screen. */
  async expectNoHorizontalOverflow() {
    const { scrollWidth, clientWidth } = await this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, "the page is wider than the screen").toBeLessThanOrEqual(clientWidth);
  }
}
