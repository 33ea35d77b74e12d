import { expect, test } from "@playwright/test";
import { countRequests } from "./support/event-stream";
import { RunPage } from "./support/run-page";
import { signatureHeader } from "../simulator/webhooks/sign";
import { freePort } from "./support/free-port";
import { rawRequest, rawSignIn } from "./support/raw-sign-in";
import { copyOfSuiteStore, startInstance, type Instance } from "./support/second-instance";
import { simulatorKey, simulatorOrigin } from "./support/simulator";
import { queryStore } from "./support/store";
import { USERS } from "./support/users";

// FLORA's signed webhooks, end to end: another instance with PUBLIC_URL and the simulator's
// signing secret (never the suite's own stacks: the webhook's confirming read would add
// upstream reads that other tests count), on a copy of the suite's store, against the
// suite's simulator, which delivers the webhook when the run ends.

const SIM_SECRET = "whsec_simulator_secret";
const PLACE = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" };

interface Delivery {
  webhook_id: string;
  run_id: string;
  url: string;
  status: number | null;
}

const simJson = async <T>(path: string): Promise<T> => (await fetch(`${simulatorOrigin}/_sim${path}`)).json() as Promise<T>;
const runReads = async (runId: string) =>
  (await simJson<{ requests: Array<{ method: string; path: string }> }>("/requests")).requests.filter(
    (request) => request.method === "GET" && request.path.includes(runId),
  ).length;

function event(id: string, runId: string): string {
  return JSON.stringify({
    id,
    type: "run.completed",
    api_version: "2026-06-11",
    created_at: Date.now(),
    data: { run_id: runId, run_type: "generation", workspace_id: PLACE.workspace_id, status: "completed" },
  });
}

function deliver(instance: Instance, body: string, secret: string) {
  return rawRequest(`${instance.baseURL}/api/webhooks/flora`, {
    method: "POST",
    headers: { "content-type": "application/json", "flora-signature": signatureHeader(body, secret, Math.floor(Date.now() / 1000)) },
    body,
  });
}

test("a launch with PUBLIC_URL set is settled by the simulator's signed webhook; a forgery is refused and a replay changes nothing", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const store = await copyOfSuiteStore();
  const instance = await startInstance(
    {
      FLORA_API_KEY: simulatorKey,
      FLORA_BASE_URL: `${simulatorOrigin}/api/v1`,
      DATABASE_URL: store,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      FLORA_WEBHOOK_SECRET: SIM_SECRET,
    },
    { port },
  );
  try {
    const { sessionCookie } = await rawSignIn(instance.baseURL, USERS.member.email, USERS.member.password);
    expect(sessionCookie).toBeTruthy();
    const launched = await rawRequest(`${instance.baseURL}/api/v1/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: sessionCookie!, "idempotency-key": `webhook-e2e-${port}` },
      body: JSON.stringify({ type: "image", prompt: "a webhook mug", model: "t2i-flux-2-pro", ...PLACE }),
    });
    expect(launched.status, launched.body).toBe(200);
    const runId = (JSON.parse(launched.body) as { run_id: string }).run_id;

    // The simulator delivers when the run ends (3 s in the suite): the instance answers 200.
    let delivery: Delivery | undefined;
    await expect
      .poll(async () => {
        delivery = (await simJson<{ deliveries: Delivery[] }>("/webhooks")).deliveries.find((d) => d.run_id === runId);
        return delivery?.status;
      }, { timeout: 20_000 })
      .toBe(200);
    expect(delivery!.url).toBe(`http://127.0.0.1:${port}/api/webhooks/flora`);

    // It settled the launch through one confirming read, and remembered the delivery.
    await expect
      .poll(async () => (await queryStore<{ cost_final_at: number | null }>("select cost_final_at from launches where run_id = ?", [runId], store))[0]?.cost_final_at ?? null)
      .not.toBeNull();
    expect(await runReads(runId)).toBe(1);
    const remembered = () => queryStore("select event_id from webhook_deliveries where run_id = ?", [runId], store);
    expect(await remembered()).toEqual([{ event_id: delivery!.webhook_id }]);

    // A forgery (another secret) is refused and changes nothing.
    const forged = await deliver(instance, event("whd_forged_e2e", runId), "whsec_forger");
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body)).toMatchObject({ error: { code: "unauthorized" } });

    // FLORA delivering the same event again is acknowledged and changes nothing.
    const replay = await deliver(instance, event(delivery!.webhook_id, runId), SIM_SECRET);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toEqual({ received: true, duplicate: true });
    expect(await runReads(runId)).toBe(1);
    expect(await remembered()).toEqual([{ event_id: delivery!.webhook_id }]);
  } finally {
    await instance.stop();
  }
});

test("a run covered by the webhook completes on its open page with no poll reaching the dashboard, and barely any upstream", async ({ browser }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const store = await copyOfSuiteStore();
  const instance = await startInstance(
    {
      FLORA_API_KEY: simulatorKey,
      FLORA_BASE_URL: `${simulatorOrigin}/api/v1`,
      DATABASE_URL: store,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      FLORA_WEBHOOK_SECRET: SIM_SECRET,
    },
    { port },
  );
  const context = await browser.newContext({ baseURL: instance.baseURL });
  try {
    const { sessionCookie } = await rawSignIn(instance.baseURL, USERS.member.email, USERS.member.password);
    const [name, ...value] = sessionCookie!.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: instance.baseURL }]);
    const launched = await rawRequest(`${instance.baseURL}/api/v1/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: sessionCookie!, "idempotency-key": `webhook-page-e2e-${port}` },
      body: JSON.stringify({ type: "text", prompt: "told by the webhook [run-seconds:8]", model: "llm-gpt-5-mini", ...PLACE }),
    });
    expect(launched.status, launched.body).toBe(200);
    const runId = (JSON.parse(launched.body) as { run_id: string }).run_id;
    const page = await context.newPage();
    const polls = countRequests(page, `/api/v1/runs/${runId}`);
    await page.goto(`/runs/${runId}`);
    const runPage = new RunPage(page);
    await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/);
    await runPage.expectStatus("Completed", 30_000);
    const delivery = (await simJson<{ deliveries: Delivery[] }>("/webhooks")).deliveries.find((d) => d.run_id === runId);
    expect(delivery?.status).toBe(200);
    expect(polls.count).toBe(0);
    // The page's own render, the stream's first look, the webhook's confirming read, and at
    // most one safety read (at twice the run's estimate): never a read every second or two.
    expect(await runReads(runId)).toBeLessThanOrEqual(4);
  } finally {
    await context.close();
    await instance.stop();
  }
});

test("without PUBLIC_URL (the suite's own stack) the webhook route does not exist", async ({ request }) => {
  const answer = await request.post("/api/webhooks/flora", { data: event("whd_e2e_off", "run_x"), headers: { "flora-signature": "t=1,v1=00" } });
  expect(answer.status()).toBe(404);
  expect(await answer.json()).toMatchObject({ error: { code: "not_found" } });
});
