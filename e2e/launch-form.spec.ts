import { expect, test, type Page } from "@playwright/test";
import { LaunchForm } from "./support/launch-form";
import { RunPage } from "./support/run-page";
import {
  clearFaults,
  clearSimulatorRequests,
  injectFault,
  setSimulatorCredits,
  simulatorGet,
  simulatorRequests,
} from "./support/simulator";
import { readLaunches } from "./support/store";
import { storageStateOf, USERS } from "./support/users";

test.use({ storageState: storageStateOf("member") });
test.afterEach(clearFaults);

const launchesUpstream = async () => (await simulatorRequests()).filter((r) => r.method === "POST" && r.path === "/api/v1/generate");

const CASES = [
  { type: "Image", model: "FLUX.2 [pro]", param: "Images", value: "2", recorded: ["num_images", "2"], media: "img" },
  { type: "Video", model: "Veo 3", param: "Duration (s)", value: "4", recorded: ["duration", "4"], media: "video" },
  { type: "Audio", model: "Eleven v3", param: "Stability", value: "0.8", recorded: ["stability", "0.8"], media: "audio" },
  { type: "Text", model: "Claude Sonnet 4.5", param: "Max tokens", value: "256", recorded: ["max_tokens", "256"], media: "pre" },
] as const;

for (const { type, model, param, value, recorded, media } of CASES) {
  test(`a ${type.toLowerCase()} generation is launched from the form and watched to completion`, async ({ page }) => {
    test.setTimeout(60_000);
    const form = new LaunchForm(page);
    await form.open();
    await form.choose(type, model);
    await form.openAdvanced();
    await form.number(param).fill(value);
    const prompt = `${type} from the form ${Date.now()}`;
    await form.prompt().fill(prompt);
    await expect(form.form().getByText(`${prompt.length} / 10,000 characters`)).toBeVisible();
    await expect(form.estimate()).toContainText(/about \$\d+\.\d{2}/);
    await form.launchButton().click();

    await expect(page).toHaveURL(/\/runs\/run_[A-Za-z0-9_-]+$/);
    const runId = page.url().split("/").at(-1)!;
    const runPage = new RunPage(page);
    await expect(runPage.heading()).toHaveText(model);
    await runPage.expectStatus("Completed", 30_000);
    await expect(runPage.outputs().locator(media).first()).toBeVisible();
    // The run page shows what was asked under the title, and the params beside the details.
    const asked = runPage.asked();
    await expect(asked.getByTestId("launch-prompt")).toHaveText(prompt);
    await expect(asked.getByTestId("launched-by")).toContainText(USERS.member.email);
    await expect(page.getByRole("region", { name: "Params" })).toContainText(`${recorded[0]}${recorded[1]}`);
    expect((await readLaunches({ runId }))[0]).toMatchObject({ kind: "generation", type: type.toLowerCase(), prompt, status: "confirmed" });
  });
}

test("the prompt and launcher show in the history too", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  const prompt = `seen in history ${Date.now()}`;
  await form.prompt().fill(prompt);
  await form.launchButton().click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  const runId = page.url().split("/").at(-1)!;
  await page.goto("/generations");
  const row = page.locator(`[data-run-id="${runId}"]`);
  await expect(row).toContainText(prompt);
  await expect(row).toContainText(USERS.member.email);
});

test("a double click on Launch starts exactly one run upstream", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.prompt().fill(`double click ${Date.now()}`);
  // The launch is slowed down upstream, so the second click lands while the first is in flight.
  await injectFault({ method: "POST", path: "/generate", times: 1, fault: { kind: "delay", ms: 1_500 } });
  await clearSimulatorRequests();
  await form.launchButton().dblclick();
  await expect(form.form().getByRole("button", { name: "Launching…" })).toBeDisabled();
  await expect(page).toHaveURL(/\/runs\/run_/, { timeout: 15_000 });
  expect(await launchesUpstream()).toHaveLength(1);
});

test("a parameter out of its range shows its field error and reaches nobody", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Image", "FLUX.2 [pro]");
  await form.openAdvanced();
  await form.number("Images").fill("9");
  await form.prompt().fill("too many images");
  await clearSimulatorRequests();
  await form.launchButton().click();
  const images = form.number("Images");
  await expect(images).toHaveAttribute("aria-invalid", "true");
  await expect(images).toHaveAccessibleDescription(/Must be at most 4\./);
  await expect(images).toBeFocused();
  expect(await launchesUpstream()).toHaveLength(0);
  await expect(page).toHaveURL(/\/new$/);
});

test("FLORA's own field errors land on their fields", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Image", "FLUX.2 [pro]");
  await form.prompt().fill("FLORA disagrees");
  await injectFault({
    method: "POST",
    path: "/generate",
    times: 1,
    fault: {
      kind: "status",
      status: 400,
      body: { error: { code: "input_validation_error", message: "Invalid params.", fields: [{ field: "params.guidance", message: "Too strong for this prompt." }] } },
    },
  });
  await form.launchButton().click();
  // The error opens the collapsed advanced params, so it is seen.
  await expect(form.number("Guidance")).toHaveAccessibleDescription(/Too strong for this prompt\./);
  await expect(form.failure()).toContainText("Some fields need attention");
  await expect(form.prompt()).toHaveValue("FLORA disagrees");
});

test("out of credits (402) says so, and keeps the form", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Audio", "Eleven v3");
  await form.openAdvanced();
  await form.number("Stability").fill("0.3");
  await form.prompt().fill("a bell at dawn");

  await setSimulatorCredits(0);
  try {
    await form.launchButton().click();
    await expect(form.failure()).toContainText("credits have run out");
  } finally {
    await setSimulatorCredits(250);
  }
  await expect(form.prompt()).toHaveValue("a bell at dawn");
  await expect(form.number("Stability")).toHaveValue("0.3");
  await expect(form.form().getByRole("radio", { name: /^Eleven v3/ })).toBeChecked();
});

test("an unreachable FLORA is said plainly, and launching again starts one run", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.prompt().fill(`through the outage ${Date.now()}`);
  await injectFault({ method: "POST", path: "/generate", times: 2, fault: { kind: "status", status: 503 } });
  await form.launchButton().click();
  await expect(form.failure()).toContainText("FLORA could not be reached");
  await clearSimulatorRequests();
  await form.launchButton().click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  expect(await launchesUpstream()).toHaveLength(1);
});

test("Run again arrives at the form filled with the run's type, model, prompt and params", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Video", "Veo 3");
  await form.openAdvanced();
  await form.number("Duration (s)").fill("6");
  await form.prompt().fill("a kite over the dunes");
  await form.launchButton().click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  await page.getByRole("link", { name: "Run again" }).click();
  await expect(page).toHaveURL(/\/new\?again=run_/);
  await expect(form.form().getByRole("radio", { name: "Video" })).toBeChecked();
  await expect(form.form().getByRole("radio", { name: /^Veo 3/ })).toBeChecked();
  await expect(form.prompt()).toHaveValue("a kite over the dunes");
  await expect(form.number("Duration (s)")).toHaveValue("6");
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("the form is read-only, with a sentence saying who can launch", async ({ page }) => {
    const form = new LaunchForm(page);
    await form.open();
    await expect(form.form().getByRole("note")).toContainText("only members and admins can launch");
    await expect(form.launchButton()).toBeDisabled();
    await expect(form.prompt()).toBeDisabled();
    await page.goto("/techniques/tech_prodshot");
    await expect(page.getByRole("button", { name: /^Run / })).toBeDisabled();
  });
});

test("a technique run launched from its form completes and appears in technique-run history", async ({ page }) => {
  test.setTimeout(60_000);
  const technique = await simulatorGet<{ name: string; inputs: Array<{ id: string; name: string; type: string; optional?: boolean }> }>("/techniques/tech_prodshot");
  await page.goto("/techniques");
  await page.getByRole("searchbox", { name: "Search techniques" }).fill(technique.name.split(" ")[0]!);
  await page.getByRole("link", { name: technique.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: technique.name })).toBeVisible();

  const form = page.getByRole("form", { name: `Run ${technique.name}` });
  for (const input of technique.inputs.filter((candidate) => !candidate.optional)) {
    await form.getByLabel(input.name, { exact: true }).fill(input.type === "text" ? "a ceramic mug" : "https://media.example/mug.png");
  }
  // The form says where the run is filed, and the teammate chooses.
  await form.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Atlas Labs" });
  await form.getByRole("combobox", { name: "Project" }).selectOption({ label: "Moodboards" });
  await form.getByRole("button", { name: `Run ${technique.name}` }).click();
  await expect(page).toHaveURL(/\/technique-runs\/tech_prodshot\/run_/);
  const runId = page.url().split("/").at(-1)!;
  expect((await readLaunches({ runId }))[0]).toMatchObject({ workspace_id: "ws_atlaslabs", project_id: "prj_moodboards" });
  const filed = await simulatorGet<{ technique_runs: Array<{ run_id: string }> }>("/technique-runs?project_id=prj_moodboards&limit=5");
  expect(filed.technique_runs.map((run) => run.run_id)).toContain(runId);
  await new RunPage(page).expectStatus("Completed", 30_000);
  await expect(new RunPage(page).asked().getByTestId("launched-by")).toContainText(USERS.member.email);

  await page.goto("/technique-runs");
  const row = page.locator(`[data-run-id="${runId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(USERS.member.email);
  expect((await readLaunches({ runId }))[0]).toMatchObject({ kind: "technique", technique_id: "tech_prodshot", status: "confirmed" });
});

test("a launch whose answer was lost is recorded as unconfirmed, then completed by the next history page", async ({ page, request }) => {
  // The launch happens upstream but its answer is lost, and the gateway cannot look the run
  // up right away (the list fails twice): the record says "unconfirmed".
  await injectFault({ method: "POST", path: "/generate", times: 1, fault: { kind: "lose_response" } });
  await injectFault({ method: "GET", path: "/generations", times: 2, fault: { kind: "status", status: 503 } });
  const prompt = `lost answer ${Date.now()}`;
  const answer = await request.post("/api/v1/generate", {
    data: { type: "text", prompt, workspace_id: "ws_northwind", project_id: "prj_springcampaign" },
  });
  expect(answer.status()).toBe(502);
  expect((await answer.json()).error.code).toBe("launch_unconfirmed");
  const [record] = (await readLaunches({ userEmail: USERS.member.email })).filter((launch) => launch.prompt === prompt);
  expect(record).toMatchObject({ status: "unconfirmed", run_id: null });

  await page.goto("/generations");
  const completed = (await readLaunches({ userEmail: USERS.member.email })).find((launch) => launch.prompt === prompt)!;
  expect(completed).toMatchObject({ status: "confirmed" });
  const row = page.locator(`[data-run-id="${completed.run_id}"]`);
  await expect(row).toContainText(prompt);
  await expect(row).toContainText(USERS.member.email);
});

test("every kind of param control reaches FLORA as its param, and the last place comes back", async ({ page }) => {
  const form = new LaunchForm(page);
  await form.open();
  await form.choose("Image", "FLUX.2 [pro]");
  await form.openAdvanced();
  const controls = form.form();
  await controls.getByRole("switch", { name: "Safety checker" }).click();
  await expect(controls.getByRole("switch", { name: "Safety checker" })).toHaveAttribute("aria-checked", "false");
  await controls.getByRole("button", { name: "Randomise Seed" }).click();
  const seed = Number(await controls.getByRole("textbox", { name: "Seed", exact: true }).inputValue());
  expect(Number.isInteger(seed)).toBe(true);
  const references = controls.getByRole("textbox", { name: "Reference images" });
  await references.fill("https://media.example/ref-1.png");
  await references.press("Enter");
  await references.fill("https://media.example/ref-2.png");
  await references.press("Enter");
  await expect(controls.getByRole("list", { name: "Reference images entries" }).getByRole("listitem")).toHaveCount(2);
  await controls.getByRole("combobox", { name: "Aspect ratio" }).selectOption("16:9");
  await controls.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Atlas Labs" });
  await controls.getByRole("combobox", { name: "Project" }).selectOption({ label: "Moodboards" });
  const prompt = `every control ${Date.now()}`;
  await form.prompt().fill(prompt);
  await form.launchButton().click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  const record = (await readLaunches({ runId: page.url().split("/").at(-1)! }))[0]!;
  expect(record).toMatchObject({ workspace_id: "ws_atlaslabs", project_id: "prj_moodboards", model: "t2i-flux-2-pro", prompt });
  expect(JSON.parse(record.params_json as string)).toEqual({
    aspect_ratio: "16:9",
    num_images: 1,
    guidance: 3.5,
    seed,
    safety_checker: false,
    image_urls: ["https://media.example/ref-1.png", "https://media.example/ref-2.png"],
  });

  // Key-value rows for a dict param, and a required string.
  await form.open();
  await expect(controls.getByRole("combobox", { name: "Workspace" })).toHaveValue("ws_atlaslabs");
  await expect(controls.getByRole("combobox", { name: "Project" })).toHaveValue("prj_moodboards");
  await form.choose("Video", "Kling 2.1");
  await controls.getByRole("textbox", { name: "Start frame" }).fill("https://media.example/frame.png");
  await form.openAdvanced();
  await controls.getByRole("spinbutton", { name: "Camera control pan" }).fill("5");
  await form.prompt().fill("the camera pans");
  await form.launchButton().click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  const video = (await readLaunches({ runId: page.url().split("/").at(-1)! }))[0]!;
  expect(JSON.parse(video.params_json as string)).toMatchObject({
    image_url: "https://media.example/frame.png",
    duration: "5",
    cfg_scale: 0.5,
    camera_control: { pan: 5, tilt: 0, zoom: 0 },
  });
});

test("a technique that takes several values gets them all, refuses a non-http URL, and Run again brings them back", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/techniques/tech_storybrd");
  const form = page.getByRole("form", { name: "Run Storyboard to Animatic" });
  await form.getByLabel("Storyboard frames", { exact: true }).fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Add another Storyboard frames" }).click();
  await form.getByLabel("Storyboard frames 2", { exact: true }).fill("https://media.example/frame-2.png");
  await form.getByLabel("Script", { exact: true }).fill("INT. KITCHEN — a kettle boils");
  await clearSimulatorRequests();
  const launch = form.getByRole("button", { name: "Run Storyboard to Animatic" });
  await launch.click();
  // The error lands on the row that holds the bad value, not on the group.
  await expect(form.getByLabel("Storyboard frames 1", { exact: true })).toHaveAccessibleDescription(/Must be an http\(s\) URL\./);
  await expect(form.getByLabel("Storyboard frames 2", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  expect((await simulatorRequests()).filter((r) => r.method === "POST")).toEqual([]);

  await form.getByLabel("Storyboard frames 1", { exact: true }).fill("https://media.example/frame-1.png");
  await launch.click();
  await expect(page).toHaveURL(/\/technique-runs\/tech_storybrd\/run_/);
  const runId = page.url().split("/").at(-1)!;
  expect(JSON.parse((await readLaunches({ runId }))[0]!.params_json as string)).toEqual([
    { id: "frames", type: "imageUrl", value: "https://media.example/frame-1.png" },
    { id: "frames", type: "imageUrl", value: "https://media.example/frame-2.png" },
    { id: "script", type: "text", value: "INT. KITCHEN — a kettle boils" },
  ]);

  await page.getByRole("link", { name: "Run again" }).click();
  await expect(page).toHaveURL(new RegExp(`/techniques/tech_storybrd\\?again=${runId}$`));
  await expect(form.getByLabel("Storyboard frames 1", { exact: true })).toHaveValue("https://media.example/frame-1.png");
  await expect(form.getByLabel("Storyboard frames 2", { exact: true })).toHaveValue("https://media.example/frame-2.png");
  await expect(form.getByLabel("Script", { exact: true })).toHaveValue("INT. KITCHEN — a kettle boils");
});

test.describe("issue 13: the launch form", () => {
  test("URL params that are not http(s) URLs get their field errors in the browser, and nothing is sent", async ({ page }) => {
    const form = new LaunchForm(page);
    await form.open();
    await form.choose("Video", "Kling 2.1");
    await form.form().getByRole("textbox", { name: "Start frame" }).fill("abc");
    await form.prompt().fill("a start frame that is not a URL");
    await clearSimulatorRequests();
    await form.launchButton().click();
    const frame = form.form().getByRole("textbox", { name: "Start frame" });
    await expect(frame).toHaveAttribute("aria-invalid", "true");
    await expect(frame).toHaveAccessibleDescription(/Must be an http\(s\) URL\./);
    await expect(frame).toBeFocused();

    await form.choose("Image", "FLUX.2 [pro]");
    await form.openAdvanced();
    const references = form.form().getByRole("textbox", { name: "Reference images" });
    await references.fill("https://media.example/ok.png");
    await references.press("Enter");
    await references.fill("not a url");
    await references.press("Enter");
    await form.launchButton().click();
    // The error lands on the bad entry (the second), and names it on the field.
    const entries = form.form().getByRole("list", { name: "Reference images entries" }).getByRole("listitem");
    await expect(entries.nth(1)).toContainText("Entry 2: Must be an http(s) URL.");
    await expect(entries.nth(0)).not.toContainText("Must be");
    await expect(references).toHaveAccessibleDescription(/Entry 2: Must be an http\(s\) URL\./);
    expect(await launchesUpstream()).toHaveLength(0);
    await expect(page).toHaveURL(/\/new$/);
  });

  test("the prompt comes right after the model, and the estimate in dollars follows the image count to the charge", async ({ page }) => {
    const form = new LaunchForm(page);
    await form.open();
    await form.choose("Video", "Kling 2.1");
    const top = async (locator: ReturnType<Page["locator"]>) => (await locator.boundingBox())!.y;
    const model = await top(form.form().getByRole("group", { name: "Model" }));
    const prompt = await top(form.prompt());
    expect(prompt).toBeGreaterThan(model);
    expect(prompt).toBeLessThan(await top(form.form().getByRole("textbox", { name: "Start frame" })));
    // Optional params start collapsed; only required fields carry the marker.
    await expect(form.advanced()).not.toHaveAttribute("open", "");
    await expect(form.form().getByRole("spinbutton", { name: "Camera control pan" })).toBeHidden();
    await expect(form.form().getByRole("textbox", { name: "Start frame" })).toHaveAttribute("aria-required", "true");
    await expect(form.form().getByText("(optional)")).toHaveCount(0);

    await form.choose("Image", "FLUX.2 [pro]");
    await expect(form.estimate()).toContainText("about $0.08 (8 credits)");
    await form.openAdvanced();
    await form.number("Images").fill("4");
    await expect(form.estimate()).toContainText("about $0.32 (32 credits)");
    await expect(form.estimate()).toContainText("4 images × $0.08 (8 credits) each");
    await expect(form.estimate()).toContainText("Approximate");
    await form.prompt().fill(`four images ${Date.now()}`);
    const answer = page.waitForResponse((response) => response.url().endsWith("/api/v1/generate") && response.request().method() === "POST");
    await form.launchButton().click();
    expect((await (await answer).json()).charged_cost).toBe(0.32);
  });

  test("Use as input fills the model's URL param, a technique's input, and rides along the catalogue's links", async ({ page }) => {
    const url = "https://media.example/picked.png";
    const use = `use=${encodeURIComponent(url)}&use_type=image`;
    const form = new LaunchForm(page);
    await form.open(`?${use}`);
    await expect(form.advanced()).toHaveAttribute("open", "");
    await expect(form.form().getByRole("list", { name: "Reference images entries" })).toContainText(url);
    await form.choose("Video", "Kling 2.1");
    await expect(form.form().getByRole("textbox", { name: "Start frame" })).toHaveValue(url);
    // Anything but an http(s) URL is ignored.
    await form.open("?use=javascript%3Aalert(1)&use_type=image");
    await expect(form.form().getByRole("list", { name: "Reference images entries" })).toHaveCount(0);

    await page.goto(`/techniques?${use}`);
    const link = page.getByRole("link", { name: "Product Shot Studio" });
    await expect(link).toHaveAttribute("href", `/techniques/tech_prodshot?${use}`);
    await link.click();
    const technique = page.getByRole("form", { name: "Run Product Shot Studio" });
    const photo = technique.getByLabel("Product photo", { exact: true });
    await expect(photo).toHaveValue(url);

    // Pick from history: a recent image output fills the field.
    await photo.fill("");
    await technique.getByRole("button", { name: "Pick from history for Product photo" }).click();
    await technique.getByRole("group", { name: "Recent image outputs for Product photo" }).getByRole("button").first().click();
    await expect(photo).toHaveValue(/^https?:\/\//);
  });

  test("a launch waiting out a rate limit counts down, can be cancelled with nothing sent, and otherwise goes once", async ({ page }) => {
    await page.clock.install();
    const form = new LaunchForm(page);
    await form.open();
    await form.prompt().fill(`rate limited ${Date.now()}`);
    await clearSimulatorRequests();
    const rateLimit = { method: "POST", path: "/generate", times: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "90" } } };
    await injectFault(rateLimit);
    await form.launchButton().click();
    await expect(form.rateLimitWait()).toContainText("Launching again in 90 seconds");
    await page.clock.fastForward(5_000);
    await expect(form.rateLimitWait()).toContainText(/in 8[0-9] seconds/);
    await form.rateLimitWait().getByRole("button", { name: "Cancel" }).click();
    await expect(form.form().getByText("Launch cancelled: nothing was sent.")).toBeVisible();
    await page.clock.fastForward(120_000);
    await expect(form.launchButton()).toBeEnabled();
    expect((await launchesUpstream()).map((r) => r.status)).toEqual([429]);
    await expect(page).toHaveURL(/\/new$/);

    // Left alone, the wait ends in the same launch (same key), sent once.
    await injectFault(rateLimit);
    await form.launchButton().click();
    await expect(form.rateLimitWait()).toContainText("90 seconds");
    await page.clock.fastForward(91_000);
    await expect(page).toHaveURL(/\/runs\/run_/);
    const posts = await launchesUpstream();
    expect(posts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(posts[2]!.idempotency_key).toBe(posts[1]!.idempotency_key);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the launch form and the techniques fit 390 px, and Launch stays in view", async ({ page }) => {
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const form = new LaunchForm(page);
      await form.open();
      await form.choose("Video", "Kling 2.1");
      await form.openAdvanced();
      expect(await overflow()).toBeLessThanOrEqual(0);
      // The footer sticks to the bottom of the viewport, at the top of the page and at its end.
      for (const y of [0, 100_000]) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        const box = (await form.launchButton().boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(844);
        expect(box.y).toBeGreaterThanOrEqual(0);
        await expect(form.estimate()).toBeInViewport();
      }
      for (const path of ["/techniques", "/techniques/tech_storybrd"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await overflow(), path).toBeLessThanOrEqual(0);
      }
    });
  });
});
