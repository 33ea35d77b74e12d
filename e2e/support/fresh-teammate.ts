import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SignInPage } from "./sign-in-page";
import { usersCommand } from "./users";

/**
 * Teammates of a test's own, for tests that end sessions: never the suite's shared users.
 */

export const FRESH_PASSWORD = "fresh-teammate-password-1";

/** Adds a member with FRESH_PASSWORD, named after the test. */
export function freshMember(tag: string): string {
  const email = `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@atelier.test`;
  expect(usersCommand(["add", email, "--role", "member", "--password-stdin"], `${FRESH_PASSWORD}\n`)).toContain(`Added ${email}`);
  return email;
}

export async function signedOutPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

/** Opens `path` signed out, signs `email` in on the way, and lands there. */
export async function signInThrough(page: Page, email: string, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await new SignInPage(page).signIn(email, FRESH_PASSWORD);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
}
