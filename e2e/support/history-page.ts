import { expect, type Locator, type Page } from "@playwright/test";

/** The history list, as a person finds it: the list of runs and its filters. */
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

  /** Run ids of the rows rendered now, by their index in the whole list. */
  async renderedIds(): Promise<Map<number, string>> {
    const pairs = await this.list.locator("[data-index]").evaluateAll((rows) =>
      rows.flatMap((row) =>
        Array.from(row.querySelectorAll("[data-run-row]")).map(
          (item, offset) => [Number(row.getAttribute("data-index")) + offset, item.getAttribute("data-run-id") ?? ""] as const,
        ),
      ),
    );
    return new Map(pairs);
  }

  /** Runs loaded so far (list view): the virtual list's height over its row height. */
  async loadedCount(rowHeight = 88): Promise<number> {
    return this.list.evaluate((element, height) => Math.round((element.firstElementChild as HTMLElement).offsetHeight / height), rowHeight);
  }

  /** Jumps to the end repeatedly until at least `count` runs are loaded. */
  async loadAtLeast(count: number) {
    await this.ready();
    for (let step = 0; step < 600 && (await this.loadedCount()) < count; step += 1) {
      await this.list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
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
      await this.list.evaluate((element) => element.scrollBy(0, element.clientHeight * 0.8));
      await this.page.waitForTimeout(60);
    }
    const ids = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    expect(ids.length).toBeGreaterThanOrEqual(count);
    return ids.slice(0, count);
  }
}
