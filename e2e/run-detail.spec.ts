import { expect, test } from "@playwright/test";
import { blockEventStream } from "./support/event-stream";
import { launchGeneration, launchTechniqueRun, RunPage } from "./support/run-page";
import { SignInPage } from "./support/sign-in-page";
import { clearFaults, clearSimulatorRequests, injectFault, simulatorGet, simulatorRequests } from "./support/simulator";
import { storageStateOf, USERS } from "./support/users";
import { zipEntryNames } from "./support/zip";

interface SimRun {
  status: string;
  error_code?: string;
  error_message?: string;
  outputs?: Array<{ output_id: string; type: string; url: string }>;
}

test.afterEach(clearFaults);

test("a run is watched from pending to completed without a reload, and every output type renders", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "a teal teapot [outputs:all]" });
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/);
  await expect(page).toHaveTitle(/^(Pending|Running) · /);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await runPage.expectStatus("Completed", 20_000);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page).toHaveTitle(/^Completed · /);

  const upstream = await simulatorGet<SimRun>(`/runs/${runId}`);
  const url = (type: string) => upstream.outputs!.find((output) => output.type === type)!.url;
  const outputs = runPage.outputs();

  const image = outputs.getByRole("button", { name: "Open image output 1 full size" });
  await expect(image.getByRole("img", { name: "image output 1" })).toHaveAttribute("src", url("imageUrl"));
  await image.click();
  const lightbox = page.getByRole("dialog", { name: "image output 1, full size" });
  await expect(lightbox).toBeVisible();
  await expect(lightbox.getByRole("img")).toHaveAttribute("src", url("imageUrl"));
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();

  const video = outputs.locator("video");
  await expect(video).toHaveAttribute("src", url("videoUrl"));
  await expect(video).toHaveAttribute("controls", "");
  await expect(video).toHaveAttribute("poster", url("imageUrl"));
  const audio = outputs.locator("audio");
  await expect(audio).toHaveAttribute("src", url("audioUrl"));
  await expect(audio).toHaveAttribute("controls", "");
  await expect(outputs.getByLabel("text output 4")).toHaveText(url("text"));
  // A frame, not an <object>: the pages' Content-Security-Policy has object-src 'none'.
  const documentPreview = outputs.getByTitle("document output 5");
  await expect(documentPreview).toHaveJSProperty("tagName", "IFRAME");
  await expect(documentPreview).toHaveAttribute("src", url("documentUrl"));
  await expect(outputs.locator("object")).toHaveCount(0);

  for (const [index, kind] of ["image", "video", "audio", "text", "document"].entries()) {
    const link = outputs.getByRole("link", { name: `Download ${kind} output ${index + 1}` });
    await expect(link).toHaveAttribute("href", `/api/run-outputs?run_id=${runId}&output_id=${upstream.outputs![index]!.output_id}`);
  }

  // Each caption states the output's facts: resolution and duration from the player, format
  // and size from the download route's headers, characters and bytes from a text itself.
  const size = String.raw`\d+(\.\d)? (B|kB|MB)`;
  await expect(runPage.facts("image output 1")).toHaveText(new RegExp(`^256×256 · PNG · ${size}$`));
  await expect(runPage.facts("video output 2")).toHaveText(new RegExp(`^\\d+×\\d+ · (\\d+\\.\\d s · )?WebM · ${size}$`));
  // The simulator's audio is one second long.
  await expect(runPage.facts("audio output 3")).toHaveText(new RegExp(`^1\\.0 s · WAV · ${size}$`));
  await expect(runPage.facts("text output 4")).toHaveText(new RegExp(`^[\\d,]+ characters? · ${size}$`));
  await expect(runPage.facts("document output 5")).toHaveText(new RegExp(`^PDF · ${size}$`));
});

test("polling stops for good once the run is completed", async ({ page, browser, baseURL }) => {
  // The poll's own behaviour: with the event stream, the page would not poll at all.
  await blockEventStream(page);
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "count my polls" });
  const polls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/v1/runs/${runId}`) polls.push(request.url());
  });
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await runPage.expectStatus("Completed", 20_000);
  const pollsToTheEnd = polls.length;
  // Polled while it ran (brisk at first: 1.5 s), so the end was seen without a reload.
  expect(pollsToTheEnd).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(6_000);
  // Focus changes do not wake it either.
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await page.waitForTimeout(1_000);
  expect(polls.length).toBe(pollsToTheEnd);
});

test("a link opened in a fresh browser goes through sign-in and lands on the same run", async ({ browser, baseURL }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "shared with a teammate" });
  // No cookies at all: the test project's default storage state would sign it in.
  const fresh = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await fresh.newPage();
  await page.goto(`/runs/${runId}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await new SignInPage(page).signIn(USERS.viewer.email, USERS.viewer.password);
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId("launch-prompt")).toHaveText("shared with a teammate");
  // A viewer sees the run but is not offered a launch.
  await expect(page.getByRole("link", { name: "Run again" })).toHaveCount(0);
  await fresh.close();
});

test("a text output containing HTML is shown as text, never as markup", async ({ page, browser, baseURL }) => {
  const markup = `<img src=x onerror="window.__injected=1"><b>bold</b><script>window.__injected=2</script>`;
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: markup });
  await page.goto(`/runs/${runId}`);
  await new RunPage(page).expectStatus("Completed", 20_000);
  const text = page.getByLabel("text output 1");
  await expect(text).toContainText(markup);
  await expect(text.locator("img, b, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await expect(page.getByTestId("launch-prompt")).toHaveText(markup);
});

test("outputs whose URLs are not http(s) are refused, not rendered or linked", async ({ page, browser, baseURL }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "unsafe [outputs:all] [unsafe-urls]" });
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await runPage.expectStatus("Completed", 20_000);
  const outputs = runPage.outputs();
  await expect(outputs.getByRole("note")).toHaveCount(4);
  for (const name of ["image output 1", "video output 2", "audio output 3", "document output 5"]) {
    await expect(outputs.getByRole("note").filter({ hasText: `Not shown: ${name}` })).toBeVisible();
    await expect(outputs.getByRole("link", { name: `Download ${name}` })).toHaveCount(0);
  }
  await expect(outputs.locator("img, video, audio, object, iframe")).toHaveCount(0);
  await expect(page.locator('[href^="javascript:"], [src^="javascript:"], [data^="data:"], [src^="/media/"], [src^="ftp:"]')).toHaveCount(0);
  // The text output is still there; the refusal is per output.
  await expect(outputs.getByLabel("text output 4")).toContainText("unsafe");
  // The download route refuses to fetch them as well.
  const download = await page.request.get(`/api/run-outputs?run_id=${runId}&output_id=${(await simulatorGet<SimRun>(`/runs/${runId}`)).outputs![0]!.output_id}`);
  expect(download.status()).toBe(502);
});

test("a failed run shows its error code and message", async ({ page, browser, baseURL }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "too risky [fail:safety_blocked]" });
  await page.goto(`/runs/${runId}`);
  await new RunPage(page).expectStatus("Failed", 20_000);
  const upstream = await simulatorGet<SimRun>(`/runs/${runId}`);
  await expect(page.getByTestId("run-error-code")).toHaveText("safety_blocked");
  await expect(page.getByTestId("run-error-message")).toHaveText(upstream.error_message!);
  await expect(page.getByRole("link", { name: "Download all outputs" })).toHaveCount(0);
});

test("details name the workspace, project and model, and the record names prompt, params and launcher", async ({ page, browser, baseURL }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "a quiet harbour", params: { num_images: 2 } });
  await page.goto(`/runs/${runId}`);
  const { generations } = await simulatorGet<{ generations: Array<{ run_id: string; model: { model_id: string } }> }>("/generations?limit=20");
  const modelId = generations.find((run) => run.run_id === runId)!.model.model_id;
  const { models } = await simulatorGet<{ models: Array<{ model_id: string; name: string }> }>("/models");
  await expect(new RunPage(page).heading()).toHaveText(models.find((model) => model.model_id === modelId)!.name);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Northwind");
  await expect(details).toContainText("Spring Campaign");
  // What was asked sits under the title; the params sit beside the details.
  const asked = new RunPage(page).asked();
  await expect(asked.getByTestId("launch-prompt")).toHaveText("a quiet harbour");
  await expect(asked.getByTestId("launched-by")).toContainText(`Launched by ${USERS.member.email}`);
  const params = page.getByRole("region", { name: "Params" });
  await expect(params.getByRole("term")).toContainText(["num_images"]);
  await expect(params.getByRole("definition")).toContainText(["2"]);
  // The admin may launch: Run again leads to the form for this run.
  await expect(page.getByRole("link", { name: "Run again" })).toHaveAttribute("href", `/new?again=${runId}`);
  await new RunPage(page).expectStatus("Completed", 20_000);
  await expect(page.getByRole("img", { name: "image output 2" })).toBeVisible();
});

test("Copy link copies the page's address and says so", async ({ page, browser, baseURL, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "copy me" });
  await page.goto(`/runs/${runId}`);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/runs/${runId}`);
});

test("Download all outputs gives one zip with every output, and one output downloads as itself", async ({ page, browser, baseURL }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "pack it all [outputs:all]" });
  await page.goto(`/runs/${runId}`);
  await new RunPage(page).expectStatus("Completed", 20_000);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all outputs" }).click()]);
  expect(download.suggestedFilename()).toBe(`${runId}-outputs.zip`);
  const names = await zipEntryNames(await download.path());
  expect(names).toEqual([`${runId}-1-image.png`, `${runId}-2-video.webm`, `${runId}-3-audio.wav`, `${runId}-4-text.txt`, `${runId}-5-document.pdf`]);

  const one = await page.request.get(await page.getByRole("link", { name: "Download image output 1" }).getAttribute("href") ?? "");
  expect(one.status()).toBe(200);
  expect(one.headers()["content-type"]).toBe("image/png");
  expect(one.headers()["content-disposition"]).toContain(`filename="${runId}-1-image.png"`);
  expect((await one.body()).subarray(0, 4).toString("hex")).toBe("89504e47");
});

test("a technique run has its own page, reached from the technique-run history", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const runId = await launchTechniqueRun(browser, baseURL, "tech_prodshot", [
    { id: "product", type: "imageUrl", value: "https://media.example/mug.png" },
  ]);
  await page.goto("/technique-runs?technique=tech_prodshot");
  const row = page.locator(`[data-run-id="${runId}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/technique-runs/tech_prodshot/${runId}$`));
  const technique = await simulatorGet<{ name: string }>("/techniques/tech_prodshot");
  const runPage = new RunPage(page);
  await expect(runPage.heading()).toHaveText(technique.name);
  // Back to the history it came from, filters kept; the header marks the section.
  await expect(runPage.backLink()).toHaveAttribute("href", "/technique-runs?technique=tech_prodshot");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Technique runs", exact: true })).toHaveAttribute("aria-current", "page");
  await runPage.expectStatus("Completed", 20_000);
  // The outputs carry the names the technique declares, not "image output 1".
  await expect(runPage.figure("Hero shot")).toBeVisible();
  await expect(runPage.figure("Alternate angle")).toBeVisible();
  await expect(runPage.outputs().getByRole("img", { name: "image output 1" })).toHaveCount(0);
  const hero = (await simulatorGet<SimRun>(`/techniques/tech_prodshot/runs/${runId}`)).outputs![0]!.url;
  await expect(runPage.figure("Hero shot").getByRole("link", { name: "Use Hero shot as input to a technique" })).toHaveAttribute(
    "href",
    `/techniques?${new URLSearchParams({ use: hero, use_type: "image" })}`,
  );
  // Where FLORA put the run, named as FLORA names it.
  const { technique_runs: runs } = await simulatorGet<{ technique_runs: Array<{ run_id: string; workspace_id: string }> }>(
    "/technique-runs?technique_id=tech_prodshot&limit=20",
  );
  const { workspaces } = await simulatorGet<{ workspaces: Array<{ workspace_id: string; name: string }> }>("/workspaces");
  const workspaceId = runs.find((run) => run.run_id === runId)!.workspace_id;
  await expect(page.getByRole("region", { name: "Details" })).toContainText(workspaces.find((w) => w.workspace_id === workspaceId)!.name);
});

test("Back to history keeps the filters it came with, from the Referer or `from`, and goes nowhere else", async ({ page }) => {
  // An old seeded run: the dashboard did not launch it.
  const { generations } = await simulatorGet<{ generations: Array<{ run_id: string }> }>("/generations?limit=100");
  const runId = generations.at(-1)!.run_id;
  const runPage = new RunPage(page);
  await page.goto(`/runs/${runId}`);
  await expect(runPage.backLink()).toHaveAttribute("href", "/generations");
  // A generation's page belongs to the history: the header says so.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History", exact: true })).toHaveAttribute("aria-current", "page");
  // Not launched here: one line says so, and there is no half-empty card.
  await expect(page.getByTestId("launch-unknown")).toHaveText(/^Launched outside the dashboard/);
  await expect(runPage.asked()).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Params" })).toHaveCount(0);

  const origin = new URL(page.url()).origin;
  await page.goto(`/runs/${runId}`, { referer: `${origin}/generations?status=completed&workspace=ws_northwind` });
  await expect(runPage.backLink()).toHaveAttribute("href", "/generations?status=completed&workspace=ws_northwind");
  for (const from of ["https://evil.example/", "//evil.example/generations", "/admin/users", "javascript:alert(1)"]) {
    await page.goto(`/runs/${runId}?from=${encodeURIComponent(from)}`);
    await expect(runPage.backLink(), from).toHaveAttribute("href", "/generations");
  }
  await page.goto(`/runs/${runId}?from=${encodeURIComponent("/generations?status=completed")}`);
  await runPage.backLink().click();
  await expect(page).toHaveURL(/\/generations\?status=completed$/);
});

test("the lightbox steps through the images by arrow keys and buttons and downloads the one shown; images offer Use as input", async ({ page, browser, baseURL }) => {
  const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: "two lanterns", params: { num_images: 2 } });
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await runPage.expectStatus("Completed", 20_000);
  const outputs = (await simulatorGet<SimRun>(`/runs/${runId}`)).outputs!;
  const opener = runPage.outputs().getByRole("button", { name: "Open image output 1 full size" });
  await opener.click();
  const lightbox = runPage.lightbox();
  const shows = async (n: 1 | 2) => {
    await expect(lightbox).toHaveAccessibleName(`image output ${n}, full size`);
    await expect(lightbox.getByRole("img")).toHaveAttribute("src", outputs[n - 1]!.url);
    await expect(lightbox.getByRole("link", { name: "Download" })).toHaveAttribute("href", `/api/run-outputs?run_id=${runId}&output_id=${outputs[n - 1]!.output_id}`);
  };
  await shows(1);
  await page.keyboard.press("ArrowRight");
  await shows(2);
  await page.keyboard.press("ArrowRight");
  await shows(1);
  await page.keyboard.press("ArrowLeft");
  await shows(2);
  await lightbox.getByRole("button", { name: "Previous" }).click();
  await shows(1);
  await lightbox.getByRole("button", { name: "Next" }).click();
  await shows(2);
  const [download] = await Promise.all([page.waitForEvent("download"), lightbox.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe(`${runId}-2-image.png`);
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await expect(opener).toBeFocused();

  // Use as input opens the launch form (or the techniques) with the output's URL filled in.
  const use = runPage.figure("image output 2").getByRole("link", { name: "Use image output 2 as input to a new generation" });
  const href = new URL((await use.getAttribute("href")) ?? "", "http://x");
  expect([href.pathname, href.searchParams.get("use"), href.searchParams.get("use_type")]).toEqual(["/new", outputs[1]!.url, "image"]);
  await expect(runPage.figure("image output 2").getByRole("link", { name: "Use image output 2 as input to a technique" })).toHaveAttribute(
    "href",
    `/techniques${href.search}`,
  );
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a run page at 390 px never scrolls sideways, with every output type and a long unbroken prompt", async ({ page, browser, baseURL }) => {
    const runId = await launchGeneration(browser, baseURL, { type: "image", prompt: `${"unbroken".repeat(40)} [outputs:all]` });
    await page.goto(`/runs/${runId}`);
    const runPage = new RunPage(page);
    await runPage.expectStatus("Completed", 20_000);
    await expect(runPage.facts("image output 1")).toContainText("256×256");
    await runPage.expectNoHorizontalOverflow();
    await runPage.outputs().getByRole("button", { name: "Open image output 1 full size" }).click();
    await expect(runPage.lightbox()).toBeVisible();
    const box = await runPage.lightbox().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});

test("an unknown run is a 404 that says what to do", async ({ page }) => {
  for (const path of ["/runs/run_doesnotexist000", "/runs/not-a-run-id", "/technique-runs/tech_prodshot/run_doesnotexist000"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Run not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: /history/ })).toBeVisible();
  }
});

test("a rate-limited poll waits out Retry-After, says when it retries, then carries on", async ({ page, browser, baseURL }) => {
  // The poll's own behaviour: with the event stream, the page would not poll at all.
  await blockEventStream(page);
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "slow down" });
  await page.goto(`/runs/${runId}`);
  await expect(new RunPage(page).status()).toBeVisible();
  // Two upstream 429s: the gateway's own retry meets the second, so the page sees one 429.
  await injectFault({
    method: "GET",
    path: `/runs/${runId}`,
    times: 2,
    fault: { kind: "status", status: 429, headers: { "retry-after": "3" } },
  });
  const problem = new RunPage(page).problem();
  await expect(problem).toContainText("Rate limited");
  await expect(problem).toContainText(/Retrying at \d\d:\d\d:\d\d/);
  await new RunPage(page).expectStatus("Completed", 20_000);
  await expect(problem).toBeHidden();
});

test("an unreachable FLORA is said plainly, and the page recovers by itself", async ({ page, browser, baseURL }) => {
  // The poll's own behaviour: with the event stream, the page would not poll at all.
  await blockEventStream(page);
  test.setTimeout(60_000);
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "hold on" });
  await injectFault({ method: "GET", path: `/runs/${runId}`, times: 4, fault: { kind: "status", status: 503 } });
  await page.goto(`/runs/${runId}`);
  const runPage = new RunPage(page);
  await expect(runPage.problem()).toContainText("FLORA is not reachable");
  await expect(runPage.problem().getByRole("button", { name: "Retry now" })).toBeVisible();
  await runPage.expectStatus("Completed", 30_000);
  await expect(runPage.problem()).toBeHidden();
});

test.describe("as a member", () => {
  test.use({ storageState: storageStateOf("member") });

  test("Run again is offered for a run the dashboard launched", async ({ page, browser, baseURL }) => {
    const runId = await launchGeneration(browser, baseURL, { type: "audio", prompt: "a bell" });
    await page.goto(`/runs/${runId}`);
    await expect(page.getByRole("link", { name: "Run again" })).toHaveAttribute("href", `/new?again=${runId}`);
  });
});

test("a run that ends while its tab is hidden raises a notification, when the teammate allowed them", async ({ page, browser, baseURL, context }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(["notifications"]);
  // Records notifications instead of showing them, and lets the test hide the tab.
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? "" });
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: RecordingNotification });
    (window as unknown as { __hide: () => void }).__hide = () => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    };
  });
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "tell me when done" });
  await page.goto(`/runs/${runId}`);
  await expect(page.getByText("You will be notified if this run ends while the tab is in the background.")).toBeVisible();
  await page.evaluate(() => (window as unknown as { __hide: () => void }).__hide());
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications), { timeout: 30_000 })
    .toEqual([{ title: "Run completed", body: expect.any(String) }]);
});

test("a hidden tab without notifications stops polling until it is shown again", async ({ page, browser, baseURL }) => {
  // The poll's own behaviour: with the event stream, the page would not poll at all.
  await blockEventStream(page);
  test.setTimeout(60_000);
  await page.addInitScript(() => {
    (window as unknown as { __setHidden: (hidden: boolean) => void }).__setHidden = (hidden) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
      document.dispatchEvent(new Event("visibilitychange"));
    };
  });
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "nobody is looking" });
  let polls = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/v1/runs/${runId}`) polls += 1;
  });
  await page.goto(`/runs/${runId}`);
  await expect(new RunPage(page).status()).toHaveText(/Status: (Pending|Running)/);
  await page.evaluate(() => (window as unknown as { __setHidden: (hidden: boolean) => void }).__setHidden(true));
  await page.waitForTimeout(500);
  const whenHidden = polls;
  await page.waitForTimeout(5_000);
  expect(polls).toBe(whenHidden);
  await page.evaluate(() => (window as unknown as { __setHidden: (hidden: boolean) => void }).__setHidden(false));
  await new RunPage(page).expectStatus("Completed", 20_000);
  expect(polls).toBeGreaterThan(whenHidden);
});

test("three teammates polling one run cost the upstream about one poll a second, not three", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ baseURL, storageState: storageStateOf("admin") });
  // The gateway's coalescing of polls: without the event stream (e2e/live-updates.spec.ts), as behind a proxy that drops it.
  await blockEventStream(context);
  // 16 s from the launch: on a loaded machine the launch and three page loads can take
  // several seconds of it, and the pages must still watch long enough to poll 15 times.
  const runId = await launchGeneration(browser, baseURL, { type: "text", prompt: "everyone is watching [run-seconds:16]" });
  let pagePolls = 0;
  context.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/v1/runs/${runId}`) pagePolls += 1;
  });
  await clearSimulatorRequests();
  const started = Date.now();
  const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
  await Promise.all(pages.map((page) => page.goto(`/runs/${runId}`)));
  await Promise.all(pages.map((page) => new RunPage(page).expectStatus("Completed", 30_000)));
  const seconds = (Date.now() - started) / 1000;
  const upstreamPolls = (await simulatorRequests()).filter((r) => r.method === "GET" && r.path === `/api/v1/runs/${runId}`).length;
  await context.close();
  // The three pages polled every 1.5 s for up to 16 s (about 30 polls); upstream saw at most one
  // read per second of watching (unfinished runs are cached for 1 s and shared), plus the
  // final read that found it completed.
  expect(pagePolls).toBeGreaterThanOrEqual(15);
  expect(upstreamPolls).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  expect(upstreamPolls * 1.5).toBeLessThanOrEqual(pagePolls);
});
