import { expect, test, type Page } from "@playwright/test";
import { SignInPage } from "./support/sign-in-page";
import { USERS } from "./support/users";

// Each one is a path on this site as written, and `//evil.example` (another site) once the
// browser normalises it or a server decodes it again.
const VECTORS = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/./%2e/..//evil.example",
  "/%252e//evil.example",
  "/%2f%2fevil.example",
  "/%5c/evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "\\\\evil.example",
  "/\\evil.example",
  "//evil.example",
  "https:evil.example",
  "https://evil.example/phish",
];

// A shorter list for the signed-out flow, where each case costs a real sign-in: the first four
// passed the old check.
const SIGN_IN_VECTORS = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/%252e//evil.example",
];

/** Records (and stops) every request to evil.example, so nothing leaves the machine either. */
async function watchEvilRequests(page: Page): Promise<string[]> {
  const requested: string[] = [];
  await page.route(
    (url) => url.hostname === "evil.example" || url.hostname.endsWith(".evil.example"),
    async (route) => {
      requested.push(route.request().url());
      await route.abort();
    },
  );
  return requested;
}

function signInWithCallback(vector: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(vector)}`;
}

test.describe("signed in", () => {
  for (const vector of VECTORS) {
    test(`the sign-in page sends a signed-in admin home, not to ${JSON.stringify(vector)}`, async ({ page, baseURL }) => {
      const requested = await watchEvilRequests(page);
      // An open redirect would fail this navigation (the route above aborts it): the checks
      // below then say where it went.
      await page.goto(signInWithCallback(vector)).catch(() => undefined);
      await expect.poll(() => new URL(page.url()).pathname).toBe("/generations");
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(requested).toEqual([]);
    });
  }

  test("a callback to a page of this site is still followed, with its query", async ({ page, baseURL }) => {
    await page.goto(signInWithCallback("/technique-runs?status=failed"));
    await expect(page).toHaveURL(`${baseURL}/technique-runs?status=failed`);
    await expect(page.getByRole("heading", { level: 1, name: "Technique runs" })).toBeVisible();
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const vector of SIGN_IN_VECTORS) {
    test(`signing in with the callback ${JSON.stringify(vector)} lands on this site`, async ({ page, baseURL }) => {
      const requested = await watchEvilRequests(page);
      await page.goto(signInWithCallback(vector));
      await new SignInPage(page).signIn(USERS.member.email, USERS.member.password);
      await expect.poll(() => new URL(page.url()).pathname).toBe("/generations");
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.getByTestId("signed-in-user")).toContainText(USERS.member.email);
      expect(requested).toEqual([]);
    });
  }
});
