import { expect, test } from "@playwright/test";
import { rawRequest, rawSignIn } from "./support/raw-sign-in";
import { copyOfSuiteStore, startExpectingRefusal, startInstance } from "./support/second-instance";
import { simulatorKey, simulatorOrigin } from "./support/simulator";
import { USERS } from "./support/users";

// The suite's own instance is the demo: `npm start` launched its simulator. These tests run
// other instances on copies of its store, as an operator might after trying the demo.

const upstream = { FLORA_API_KEY: simulatorKey, FLORA_BASE_URL: `${simulatorOrigin}/api/v1` };

test("the demo instance shows the demo password on its sign-in page", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByText(`sign in as ${USERS.admin.email} with the password ${USERS.admin.password}`)).toBeVisible();
  await context.close();
});

const variants: Array<{ name: string; env: Record<string, string> }> = [
  { name: "a real-key instance", env: { ATELIER_UPSTREAM: "flora" } },
  // The label alone, with a made-up marker: the simulator behind it belongs to another start.
  { name: "an instance that only says it is the demo", env: { ATELIER_UPSTREAM: "simulator", ATELIER_DEMO_INSTANCE: "demo_made-up-by-hand-0123456789" } },
];

for (const variant of variants) {
  test(`${variant.name} on a store the demo wrote never lets the demo admin in, nor prints its password`, async () => {
    test.setTimeout(90_000);
    const instance = await startInstance({ ...upstream, ...variant.env, DATABASE_URL: await copyOfSuiteStore() });
    try {
      const refused = await rawSignIn(instance.baseURL, USERS.admin.email, USERS.admin.password);
      expect(refused).toEqual({ error: "CredentialsSignin", sessionCookie: null });
      const signInPage = await rawRequest(`${instance.baseURL}/sign-in`);
      expect(signInPage.status).toBe(200);
      expect(signInPage.body).not.toContain(USERS.admin.password);
      // The instance itself works: an ordinary teammate signs in.
      expect((await rawSignIn(instance.baseURL, USERS.viewer.email, USERS.viewer.password)).sessionCookie).toBeTruthy();
    } finally {
      await instance.stop();
    }
  });
}

test("simulator mode with a live key, or with an upstream off this machine, refuses to start and names both variables", async () => {
  const live = await startExpectingRefusal({ ATELIER_UPSTREAM: "simulator", FLORA_API_KEY: "sk_live_not_a_real_key", FLORA_BASE_URL: `${simulatorOrigin}/api/v1` });
  expect(live.code).not.toBe(0);
  expect(live.output).toMatch(/ATELIER_UPSTREAM is simulator but FLORA_API_KEY is a live key/);
  const remote = await startExpectingRefusal({ ATELIER_UPSTREAM: "simulator", FLORA_API_KEY: "sk_test_x", FLORA_BASE_URL: "https://app.flora.ai/api/v1" });
  expect(remote.code).not.toBe(0);
  expect(remote.output).toMatch(/ATELIER_UPSTREAM is simulator but FLORA_BASE_URL \(https:\/\/app\.flora\.ai\/api\/v1\) is not a loopback address/);
});
