import { expect, test } from "@playwright/test";
import { rawSignIn } from "./support/raw-sign-in";
import { SignInPage } from "./support/sign-in-page";
import { USERS } from "./support/users";

// Everyone here starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("a teammate signs in, sees who they are, and signs out", async ({ page }) => {
  await page.goto("/generations");
  await expect(page).toHaveURL(/\/sign-in$/);
  await new SignInPage(page).signIn(USERS.member.email, USERS.member.password);

  await expect(page).toHaveURL(/\/generations$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText(`${USERS.member.email} Member`);

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/technique-runs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ftechnique-runs$/);
});

test("what is typed before the page's code has loaded is kept and signs in", async ({ page }) => {
  // The page's scripts arrive late (a slow phone): the teammate types meanwhile.
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  // Scripts only: a held stylesheet would keep the page from rendering at all.
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/sign-in?callbackUrl=%2Fgenerations", { waitUntil: "commit" });
  const form = new SignInPage(page).form();
  await form.getByLabel("Email").fill(USERS.member.email);
  await form.getByLabel("Password").fill(USERS.member.password);
  const button = form.getByRole("button", { name: "Sign in" });
  await expect(button).toBeDisabled();
  releaseScripts();
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page).toHaveURL(/\/generations$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText(`${USERS.member.email} Member`);
});

test("a wrong password or an unknown email gets the same message, and no session", async ({ page }) => {
  await page.goto("/sign-in");
  const signIn = new SignInPage(page);
  await signIn.signIn(USERS.viewer.email, "not-the-password");
  await signIn.expectError("Wrong email or password.");
  await signIn.signIn("nobody@atelier.test", "whatever-password");
  await signIn.expectError("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.context().cookies()).some((cookie) => cookie.name.endsWith("session-token"))).toBe(false);
});

test("an empty or half-filled sign-in form is refused on its fields and sends nothing", async ({ page }) => {
  // Its check runs under the page's CSP without tripping it (components/ui/browser-zod.ts).
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/sign-in");
  const signIn = new SignInPage(page);
  const button = signIn.form().getByRole("button", { name: "Sign in" });
  await expect(button).toBeEnabled();
  const sent: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/auth/")) sent.push(request.url());
  });

  await button.click();
  const email = signIn.form().getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Enter your email address.");
  await expect(email).toBeFocused();
  await expect(signIn.form().getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");

  await email.fill(USERS.viewer.email);
  await button.click();
  await expect(signIn.form().getByLabel("Password")).toBeFocused();
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  expect(sent).toEqual([]);
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(refused).toEqual([]);
});

test("a deep link survives sign-in, with its query", async ({ page }) => {
  await page.goto("/technique-runs?status=failed&view=grid");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/technique-runs?status=failed&view=grid");
  await new SignInPage(page).signIn(USERS.viewer.email, USERS.viewer.password);
  await expect(page).toHaveURL(/\/technique-runs\?status=failed&view=grid$/);
  await expect(page.getByRole("heading", { level: 1, name: "Technique runs" })).toBeVisible();
});

test("a callback to another site is ignored", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
  await new SignInPage(page).signIn(USERS.viewer.email, USERS.viewer.password);
  await expect(page).toHaveURL(/\/generations$/);
});

test("failed attempts are limited per email without revealing whether it exists", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  for (const [index, email] of [USERS.limited.email, "ghost@atelier.test"].entries()) {
    // Each wrong password from another real client address, so only the per-email limit can
    // trip (the dashboard decides the address from the socket, never from a header).
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await rawSignIn(baseURL!, email, `wrong-password-${attempt}`, { localAddress: `127.0.${10 + index}.${attempt + 1}` });
      expect(result.error).toBe("CredentialsSignin");
    }
    // Past the limit, even the right password is refused, and so is an unknown email.
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    const signIn = new SignInPage(page);
    await signIn.signIn(email, USERS.limited.password);
    await signIn.expectError("Too many failed attempts. Wait a minute, then try again.");
    await expect(page).toHaveURL(/\/sign-in$/);
    await context.close();
  }
});

test("a new X-Forwarded-For on every attempt never resets the per-address limit", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const from = "127.0.9.9";
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const spoofed = { "x-forwarded-for": `198.51.100.${attempt}`, "x-real-ip": `198.51.100.${attempt}` };
    const result = await rawSignIn(baseURL!, `nobody-${attempt}@atelier.test`, "wrong-password", { localAddress: from, headers: spoofed });
    expect(result.error).toBe("CredentialsSignin");
  }
  const blocked = await rawSignIn(baseURL!, USERS.member.email, USERS.member.password, {
    localAddress: from,
    headers: { "x-forwarded-for": "203.0.113.99", "x-real-ip": "203.0.113.99" },
  });
  expect(blocked).toEqual({ error: "TooManyAttempts", sessionCookie: null });
  // The limit is that address's: a teammate at another address signs in.
  const elsewhere = await rawSignIn(baseURL!, USERS.member.email, USERS.member.password, { localAddress: "127.0.9.10" });
  expect(elsewhere.sessionCookie).toMatch(/^next-auth\.session-token=/);
});

test("session cookies are Secure when the dashboard is served over HTTPS", async ({ request }) => {
  const plain = await request.get("/api/auth/csrf");
  expect(plain.headers()["set-cookie"]).not.toMatch(/;\s*Secure/i);
  // Behind a TLS-terminating proxy, which says so with X-Forwarded-Proto.
  const behindTls = await request.get("/api/auth/csrf", { headers: { "x-forwarded-proto": "https" } });
  const setCookie = behindTls.headers()["set-cookie"] ?? "";
  expect(setCookie).toMatch(/__Host-next-auth\.csrf-token=[^;]+;.*HttpOnly/i);
  expect(setCookie).toMatch(/;\s*Secure/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
});
