import { expect, type Page } from "@playwright/test";

/** Nothing wider than the viewport: the page never scrolls sideways. */
export async function expectNoHorizontalOverflow(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `horizontal overflow on ${page.url()}` }).toBeLessThanOrEqual(0);
}
