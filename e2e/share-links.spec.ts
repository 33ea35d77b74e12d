import Database from "better-sqlite3";
import pg from "pg";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { launchGeneration, RunPage } from "./support/run-page";
import { isPostgresUrl, queryStore, sqliteFileOf, suiteStoreUrl } from "./support/store";
import { storageStateOf, USERS } from "./support/users";

/**
 * Public links, end to end: made from the run page by keyboard, opened by someone signed
 * out (media, no prompt, noindex, nothing of the launcher or the cost), revoked from
 * /account (410), expired (410), unknown (404), and all of it on a phone as well.
 */
test.use({ storageState: storageStateOf("member") });

const PROMPT = "a lantern-lit harbour, shared with a client";
const PHONE = { width: 390, height: 844 };

/** The one write the suite makes into the store itself: a link's expiry moved into the past. */
async function expireLink(prefix: string) {
  const url = suiteStoreUrl();
  const past = Date.now() - 1_000;
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("update shared_links set expires_at = $1 where prefix = $2", [past, prefix]);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(sqliteFileOf(url), { fileMustExist: true });
  try {
    db.prepare("update shared_links set expires_at = ? where prefix = ?").run(past, prefix);
  } finally {
    db.close();
  }
}

async function expectNoHorizontalOverflow(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Opens a public link with no session, at desktop or phone size. */
async function openSignedOut(browser: Browser, baseURL: string | undefined, url: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, viewport });
  const page = await context.newPage();
  const response = await page.goto(url);
  return { context, page, response: response! };
}

test("a public link: made by keyboard, opened signed out, revoked, expired and unknown, on desktop and phone", async ({ browser, baseURL, page, request }) => {
  test.setTimeout(120_000);
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: PROMPT });
  await expect.poll(async () => (await (await request.get(`/api/v1/runs/${runId}`)).json()).status, { timeout: 20_000 }).toBe("completed");

  // Made from the run page with the keyboard alone.
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await runPage.expectStatus("Completed", 20_000);
  const share = page.getByRole("button", { name: "Share publicly" });
  await share.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Share this run publicly" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "7 days" })).toBeFocused();
  await expect(dialog.getByRole("checkbox", { name: "Show the prompt" })).not.toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(dialog.getByRole("radio", { name: "1 day" })).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("radio", { name: "7 days" })).toBeChecked();
  await page.keyboard.press("Tab"); // Show the prompt: left off
  await page.keyboard.press("Tab"); // Cancel
  await page.keyboard.press("Tab"); // Create link
  await expect(dialog.getByRole("button", { name: "Create link" })).toBeFocused();
  await page.keyboard.press("Enter");
  const urlField = dialog.getByRole("textbox", { name: "Public link" });
  await expect(urlField).toBeFocused();
  await expect(dialog.getByText("it will not be shown again")).toBeVisible();
  const url = await urlField.inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByRole("button", { name: "Copy public link" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();

  // Opened signed out: the media and the facts, none of the rest.
  let mediaSrc = "";
  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    const { context, page: outsider, response } = await openSignedOut(browser, baseURL, url, viewport);
    expect(response.status()).toBe(200);
    expect(outsider.url()).toBe(url);
    expect(response.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    // The header, not only the page's meta tag: the token in the address must not leave as a Referer.
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(outsider.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
    await expect(outsider.getByRole("heading", { name: "A shared run" })).toBeVisible();
    const image = outsider.getByRole("img", { name: /Output 1/ });
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    mediaSrc = (await image.getAttribute("src"))!;
    const text = await outsider.locator("body").innerText();
    expect(text).toContain("image");
    for (const hidden of [PROMPT, USERS.member.email, "$", "ws_", "prj_", runId]) expect(text).not.toContain(hidden);
    await expectNoHorizontalOverflow(outsider);
    await expectNoSeriousViolations(outsider);
    await context.close();
  }

  // Once the run's outputs are archived, a Range gets that part (a video seeks; Safari plays only so).
  await expect
    .poll(async () => {
      const part = await request.get(mediaSrc, { headers: { range: "bytes=0-3" } });
      return [part.status(), part.headers()["content-range"]?.replace(/\/\d+$/, "/size"), (await part.body()).length];
    }, { timeout: 15_000, intervals: [1_000] })
    .toEqual([206, "bytes 0-3/size", 4]);

  // Unknown: 404, the plain page.
  const unknown = await openSignedOut(browser, baseURL, `/s/${"A".repeat(43)}`, PHONE);
  expect(unknown.response.status()).toBe(404);
  await expect(unknown.page.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  await expectNoHorizontalOverflow(unknown.page);
  await unknown.context.close();

  // Expired: 410.
  const second = await page.request.post("/api/share-links", { data: { subject: { kind: "run", run_id: runId }, expires_days: 1 } });
  expect(second.status()).toBe(201);
  const secondUrl = ((await second.json()) as { url: string }).url;
  await expireLink(secondUrl.split("/s/")[1]!.slice(0, 8));
  const expired = await openSignedOut(browser, baseURL, secondUrl);
  expect(expired.response.status()).toBe(410);
  await expect(expired.page.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  await expect(expired.page.getByRole("img")).toHaveCount(0);
  await expired.context.close();

  // Revoked from /account: 410 from the next open.
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    await page.setViewportSize(viewport);
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Shared links" });
    await expect(section.getByRole("table", { name: "Shared links" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
  await expectNoSeriousViolations(page);
  const section = page.getByRole("region", { name: "Shared links" });
  const row = section.getByRole("row").filter({ hasText: url.split("/s/")[1]!.slice(0, 8) });
  await expect(row.getByRole("cell", { name: "Active" })).toBeVisible();
  await row.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("dialog", { name: "Revoke this public link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(section.getByRole("status")).toContainText("is revoked");
  await expect(row.getByRole("cell", { name: "Revoked" })).toBeVisible();

  const revoked = await openSignedOut(browser, baseURL, url, PHONE);
  expect(revoked.response.status()).toBe(410);
  await expect(revoked.page.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  await expect(revoked.page.getByRole("img")).toHaveCount(0);
  await expectNoHorizontalOverflow(revoked.page);
  await expectNoSeriousViolations(revoked.page);
  await revoked.context.close();

  // Made, opened (twice within a minute: logged once, with no actor) and revoked are in the activity log.
  const entries = await queryStore<{ kind: string; actor_email: string | null }>("select kind, actor_email from activity where subject = ? order by at", [url.split("/s/")[1]!.slice(0, 8)]);
  expect(entries).toEqual([
    { kind: "share_link_created", actor_email: USERS.member.email },
    { kind: "share_link_opened", actor_email: null },
    { kind: "share_link_revoked", actor_email: USERS.member.email },
  ]);
});

test("a public link to a collection shows its runs in order, serves only their media, and dies with the collection", async ({ browser, baseURL, page, request }) => {
  test.setTimeout(120_000);
  const [first, second] = await Promise.all(
    ["a collection's first pick, shared outside", "a collection's second pick, shared outside"].map((prompt) => launchGeneration(browser, baseURL, { type: "image", prompt })),
  );
  for (const runId of [first, second]) {
    await expect.poll(async () => (await (await request.get(`/api/v1/runs/${runId}`)).json()).status, { timeout: 20_000 }).toBe("completed");
  }
  const made = await request.post("/api/collections", { data: { name: `Client picks ${Date.now()}` } });
  expect(made.status(), await made.text()).toBeLessThan(300);
  const collectionId = ((await made.json()) as { collection: { id: string } }).collection.id;
  const added = await request.post(`/api/collections/${collectionId}/runs`, { data: { runs: [{ run_id: second }, { run_id: first }] } });
  expect(added.status(), await added.text()).toBeLessThan(300);

  await page.goto(`/collections/${collectionId}`);
  await page.getByRole("button", { name: "Share publicly" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this collection publicly" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByRole("textbox", { name: "Public link" }).inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    const { context, page: outsider, response } = await openSignedOut(browser, baseURL, url, viewport);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(outsider.getByRole("heading", { level: 1, name: /^Client picks/ })).toBeVisible();
    // The team's order: the second launch was added first.
    const media = outsider.getByRole("img", { name: /Output 1/ });
    await expect(media).toHaveCount(2);
    expect(await media.evaluateAll((images) => images.map((image) => new URL((image as HTMLImageElement).src).searchParams.get("run")))).toEqual([second, first]);
    await expect.poll(() => media.first().evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    const text = await outsider.locator("body").innerText();
    for (const hidden of ["a collection's first pick", USERS.member.email, "$", "ws_", "prj_"]) expect(text).not.toContain(hidden);
    await expectNoHorizontalOverflow(outsider);
    await expectNoSeriousViolations(outsider);
    // A media address naming a run outside the collection finds nothing.
    const src = await media.first().getAttribute("src");
    const outside = await context.request.get(src!.replace(/run=[^&]+/, "run=run_not_in_it"));
    expect(outside.status()).toBe(404);
    await context.close();
  }

  expect((await request.delete(`/api/collections/${collectionId}`)).status()).toBeLessThan(300);
  const gone = await openSignedOut(browser, baseURL, url);
  expect(gone.response.status()).toBe(404);
  await expect(gone.page.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  await gone.context.close();
});
