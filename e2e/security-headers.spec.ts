import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { expectErrorEnvelope } from "./support/gateway";
import { launchGeneration, RunPage } from "./support/run-page";
import { SignInPage } from "./support/sign-in-page";
import { USERS } from "./support/users";

// Runs as the admin unless a block says otherwise.

const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };
const HTTPS = { "x-forwarded-proto": "https" };
const HSTS = "max-age=63072000; includeSubDomains";
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
}

/** The page's policy: present, strict, with a nonce that every script in the HTML carries. */
async function expectPagePolicy(response: Response | null): Promise<string> {
  expect(response, "the page answered").not.toBeNull();
  const policy = (await response!.allHeaders())["content-security-policy"] ?? "";
  const directives = directivesOf(policy);
  const nonce = /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(directives.get("script-src")?.[0] ?? "")?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(directives.get("script-src")).toContain("'strict-dynamic'");
  expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  for (const name of ["default-src", "style-src", "font-src", "connect-src"]) expect(directives.get(name), name).toContain("'self'");
  // The simulator serves media from FLORA_BASE_URL's origin, over http on loopback.
  const simulatorOrigin = expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/);
  for (const name of ["img-src", "media-src"]) {
    expect(directives.get(name), name).toEqual(expect.arrayContaining(["'self'", "data:", "blob:", simulatorOrigin]));
  }
  expect(directives.get("frame-src")).toEqual(expect.arrayContaining(["'self'", simulatorOrigin]));
  expect(directives.get("frame-src")).not.toContain("data:");
  expect(directives.get("report-uri")).toEqual(["/api/csp-report"]);

  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  return nonce!;
}

/** Console messages about a blocked resource or a bad policy header, from any frame. */
function recordPolicyComplaints(page: Page): string[] {
  const complaints: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) complaints.push(message.text());
  });
  return complaints;
}

/** React hydrated the page: its scripts ran under the policy. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const main = document.querySelector("main");
        return !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber$"));
      }),
    )
    .toBe(true);
}

async function expectFreshNonces(page: Page, path: string) {
  const first = await expectPagePolicy(await page.goto(path));
  await expectHydrated(page);
  const second = await expectPagePolicy(await page.reload());
  await expectHydrated(page);
  expect(second).not.toBe(first);
}

test.describe("signed out", () => {
  test.use(SIGNED_OUT);

  test("the sign-in page has a policy with a fresh nonce, hydrates and logs no violation", async ({ page }) => {
    const complaints = recordPolicyComplaints(page);
    await expectFreshNonces(page, "/sign-in");
    await expect(new SignInPage(page).form().getByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(complaints).toEqual([]);
  });

  test("content from a source the policy does not name is refused, and the browser is told where to report it", async ({ page }) => {
    const complaints = recordPolicyComplaints(page);
    const response = await page.goto("/sign-in");
    await expectHydrated(page);
    // Markup that slipped into the page, pointing at a host that is not a media host (plain
    // http, off this machine): the browser refuses it before any request leaves.
    const violation = await page.evaluate(
      () =>
        new Promise<{ directive: string; blocked: string }>((resolve) => {
          document.addEventListener("securitypolicyviolation", (event) => resolve({ directive: event.effectiveDirective, blocked: event.blockedURI }), { once: true });
          const image = document.createElement("img");
          image.src = "http://203.0.113.7/tracker.png";
          document.body.append(image);
        }),
    );
    expect(violation).toEqual({ directive: "img-src", blocked: "http://203.0.113.7/tracker.png" });
    await expect.poll(() => complaints.join("\n")).toMatch(/violates the following Content Security Policy directive: "img-src/);
    // Chromium sends report-uri reports from its network service, where Playwright does not
    // see them: the policy names the route, and the next test posts the browser's format to it.
    expect(directivesOf((await response!.allHeaders())["content-security-policy"] ?? "").get("report-uri")).toEqual(["/api/csp-report"]);
  });

  test("the report route takes reports without a session, and refuses other types and large bodies", async ({ request }) => {
    const report = { "csp-report": { "document-uri": "http://127.0.0.1/sign-in", "effective-directive": "script-src-elem", "blocked-uri": "inline" } };
    const accepted = await request.post("/api/csp-report", { headers: { "content-type": "application/csp-report" }, data: JSON.stringify(report) });
    expect(accepted.status()).toBe(204);
    const reportingApi = [{ type: "csp-violation", body: { documentURL: "http://127.0.0.1/new", effectiveDirective: "img-src" } }];
    const list = await request.post("/api/csp-report", { headers: { "content-type": "application/reports+json" }, data: JSON.stringify(reportingApi) });
    expect(list.status()).toBe(204);

    const wrongType = await request.post("/api/csp-report", { headers: { "content-type": "text/plain" }, data: JSON.stringify(report) });
    await expectErrorEnvelope(wrongType, 415, "unsupported_media_type");
    const tooLarge = JSON.stringify({ "csp-report": { "script-sample": "x".repeat(17 * 1024) } });
    await expectErrorEnvelope(await request.post("/api/csp-report", { headers: { "content-type": "application/csp-report" }, data: tooLarge }), 413, "payload_too_large");
  });

  test("HSTS is sent over https (X-Forwarded-Proto) only, on pages and API answers", async ({ request }) => {
    for (const path of ["/sign-in", "/api/health"]) {
      expect((await request.get(path, { headers: HTTPS })).headers()["strict-transport-security"], path).toBe(HSTS);
      expect((await request.get(path)).headers()["strict-transport-security"], path).toBeUndefined();
    }
  });

  test("sign-in over https behind a proxy works without NEXTAUTH_URL", async ({ request }) => {
    const csrf = await request.get("/api/auth/csrf", { headers: HTTPS });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = setCookies(csrf).find((cookie) => cookie.startsWith("__Host-next-auth.csrf-token="));
    expect(csrfCookie).toBeTruthy();

    const callback = await request.post("/api/auth/callback/credentials", {
      headers: { ...HTTPS, cookie: nameAndValue(csrfCookie!) },
      form: { csrfToken, email: USERS.member.email, password: USERS.member.password, json: "true" },
      maxRedirects: 0,
    });
    expect(callback.status(), await callback.text()).toBe(200);
    const session = setCookies(callback).find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(session, setCookies(callback).join("\n")).toMatch(/;\s*Secure/i);

    // The proxy reads the same cookie: the page is served, not sent back to /sign-in.
    const page = await request.get("/generations", { headers: { ...HTTPS, cookie: nameAndValue(session!) }, maxRedirects: 0 });
    expect(page.status(), page.headers().location ?? "").toBe(200);
  });
});

test("every dashboard page has a policy with a fresh nonce, hydrates and logs no violation", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "under the policy [outputs:all]" });
  const complaints = recordPolicyComplaints(page);
  for (const path of ["/generations", "/technique-runs", "/new", "/techniques", "/admin/users", `/runs/${runId}`]) {
    await test.step(path, () => expectFreshNonces(page, path));
  }
  // The run's outputs (image, video, audio, the PDF frame) load from the simulator's origin.
  await new RunPage(page).expectStatus("Completed", 20_000);
  await expect(new RunPage(page).outputs().getByTitle("document output 5")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("img")].every((image) => image.complete && image.naturalWidth > 0)))
    .toBe(true);
  expect(complaints).toEqual([]);
});

test("API answers carry Permissions-Policy and a policy that allows nothing; downloads keep their own", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const pageAnswer = await page.goto("/generations");
  expect((await pageAnswer!.allHeaders())["permissions-policy"]).toMatch(/camera=\(\).*clipboard-write=\(self\)/);
  // Only public links (/s/…) send no Referer at all; the dashboard's own pages keep it on this origin.
  expect((await pageAnswer!.allHeaders())["referrer-policy"]).toBe("same-origin");

  for (const path of ["/api/health", "/api/v1/workspaces"]) {
    const headers = (await page.request.get(path)).headers();
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(headers["permissions-policy"], path).toMatch(new RegExp(`(^|, )${feature}=\\(\\)(,|$)`));
    }
    expect(headers["content-security-policy"], path).toBe(API_POLICY);
    expect(headers["referrer-policy"], path).toBe("same-origin");
  }

  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "a download keeps its sandbox" });
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/runs/${runId}`)).json()) as { status: string }).status, { timeout: 20_000 })
    .toBe("completed");
  const run = (await (await page.request.get(`/api/v1/runs/${runId}`)).json()) as { outputs: Array<{ output_id: string }> };
  const download = await page.request.get(`/api/run-outputs?run_id=${runId}&output_id=${run.outputs[0]!.output_id}`);
  expect(download.status()).toBe(200);
  // One policy, the route's own: the config's API policy does not replace it or join it.
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
});

function setCookies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value);
}

const nameAndValue = (setCookie: string) => setCookie.split(";")[0]!;
