import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectErrorEnvelope } from "./support/gateway";
import {
  clearFaults,
  clearSimulatorRequests,
  injectFault,
  setSimulatorCredits,
  simulatorGet,
  simulatorRequests,
  simulatorState,
} from "./support/simulator";
import { readLaunches } from "./support/store";
import { storageStateOf, USERS } from "./support/users";

test.use({ storageState: storageStateOf("member") });

const WORKSPACE = "ws_northwind";
const PROJECT = "prj_springcampaign";
const body = (prompt: string) => ({ type: "image", prompt, workspace_id: WORKSPACE, project_id: PROJECT });

test.afterEach(async () => {
  await clearFaults();
});

async function waitForTerminal(request: APIRequestContext, pollPath: string) {
  for (let i = 0; i < 40; i += 1) {
    const run = await (await request.get(pollPath)).json();
    if (run.status === "completed" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${pollPath} did not finish`);
}

test("a member launches a generation and watches it complete through the gateway", async ({ request }) => {
  const response = await request.post("/api/v1/generate", { data: body("a ceramic mug on a sunlit table") });
  expect(response.status()).toBe(200);
  const created = await response.json();
  expect(created).toMatchObject({ type: "generation", run_id: expect.stringMatching(/^run_/), poll_url: `/api/v1/runs/${created.run_id}` });
  const finished = await waitForTerminal(request, created.poll_url);
  expect(finished.status).toBe("completed");
  expect(finished.outputs[0].type).toBe("imageUrl");

  const [record] = await readLaunches({ runId: created.run_id });
  expect(record).toMatchObject({
    kind: "generation",
    user_email: USERS.member.email,
    prompt: "a ceramic mug on a sunlit table",
    type: "image",
    workspace_id: WORKSPACE,
    project_id: PROJECT,
    status: "confirmed",
  });
});

test("a double submit with one Idempotency-Key starts exactly one run", async ({ request }) => {
  await clearSimulatorRequests();
  const before = (await simulatorState()).generations.total;
  const headers = { "idempotency-key": `form-${Date.now()}` };
  const [first, second] = await Promise.all([
    request.post("/api/v1/generate", { headers, data: body("double click") }),
    request.post("/api/v1/generate", { headers, data: body("double click") }),
  ]);
  const [a, b] = [await first.json(), await second.json()];
  expect([first.status(), second.status()]).toEqual([200, 200]);
  expect(a.run_id).toBe(b.run_id);
  expect([first.headers()["idempotent-replayed"], second.headers()["idempotent-replayed"]].filter(Boolean)).toEqual(["true"]);
  expect((await simulatorState()).generations.total).toBe(before + 1);
  const posts = (await simulatorRequests()).filter((entry) => entry.method === "POST");
  expect(posts).toHaveLength(1);
  // The key FLORA saw is ours, namespaced per user, not the client's.
  expect(posts[0]!.idempotency_key).toMatch(/^atl_[0-9a-f]{48}$/);

  // A later retry of the same submission is answered from the record.
  const again = await request.post("/api/v1/generate", { headers, data: body("double click") });
  expect((await again.json()).run_id).toBe(a.run_id);
  expect((await simulatorRequests()).filter((entry) => entry.method === "POST")).toHaveLength(1);
});

test("a 500 then success on POST /generate starts exactly one run, retried with the same key", async ({ request }) => {
  await injectFault({ method: "POST", path: "/generate", fault: { kind: "status", status: 500 } });
  await clearSimulatorRequests();
  const before = (await simulatorState()).generations.total;
  const response = await request.post("/api/v1/generate", { data: body("retried once") });
  expect(response.status()).toBe(200);
  const posts = (await simulatorRequests()).filter((entry) => entry.method === "POST" && entry.path === "/api/v1/generate");
  expect(posts.map((entry) => entry.status)).toEqual([500, 200]);
  expect(posts[0]!.idempotency_key).toBe(posts[1]!.idempotency_key);
  expect((await simulatorState()).generations.total).toBe(before + 1);
});

test("running out of credits is a 402, and FLORA's field errors reach the client", async ({ request }) => {
  await setSimulatorCredits(0);
  try {
    await expectErrorEnvelope(await request.post("/api/v1/generate", { data: body("no money") }), 402, "insufficient_credits");
  } finally {
    await setSimulatorCredits(250);
  }
  // No model named: the gateway cannot know the params, so FLORA checks them and its field errors come back.
  await clearSimulatorRequests();
  const rejected = await expectErrorEnvelope(
    await request.post("/api/v1/generate", { data: { ...body("bad params"), params: { no_such_param: 1 } } }),
    400,
    "input_validation_error",
  );
  expect(rejected.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining("no_such_param") })]));
  expect((await simulatorRequests()).filter((r) => r.method === "POST" && r.path === "/api/v1/generate")).toHaveLength(1);
  const records = await readLaunches({ userEmail: USERS.member.email });
  expect(records.find((record) => record.prompt === "no money")).toMatchObject({ status: "rejected", error_code: "insufficient_credits", run_id: null });
});

test("params that break the named model's schema are refused by the gateway, before FLORA", async ({ request }) => {
  await clearSimulatorRequests();
  const rejected = await expectErrorEnvelope(
    await request.post("/api/v1/generate", {
      data: { ...body("too many"), model: "t2i-flux-2-pro", params: { num_images: 9, colour: "red" } },
    }),
    400,
    "input_validation_error",
  );
  expect(rejected.error.fields).toEqual([
    { field: "params.num_images", message: "Must be at most 4." },
    { field: "params.colour", message: "Not a parameter of this model." },
  ]);
  const technique = await expectErrorEnvelope(
    await request.post("/api/v1/techniques/tech_prodshot/runs", { data: { inputs: [{ id: "product", type: "imageUrl", value: "javascript:alert(1)" }] } }),
    400,
    "input_validation_error",
  );
  expect(technique.error.fields).toEqual([{ field: "inputs.product", message: "Must be an http(s) URL." }]);
  expect((await simulatorRequests()).filter((r) => r.method === "POST")).toEqual([]);
});

test("a member starts a technique run and watches it finish", async ({ request }) => {
  const technique = await simulatorGet<{ technique_id: string; inputs: Array<{ id: string; type: string; optional?: boolean }> }>(
    "/techniques/tech_prodshot",
  );
  const inputs = technique.inputs
    .filter((input) => !input.optional)
    .map((input) => ({
      id: input.id,
      type: input.type,
      value: input.type === "text" ? "a red sneaker" : "https://media.example/in.png",
    }));
  const response = await request.post(`/api/v1/techniques/${technique.technique_id}/runs`, { data: { inputs } });
  expect(response.status(), await response.text()).toBe(200);
  const created = await response.json();
  expect(created.poll_url).toBe(`/api/v1/techniques/${technique.technique_id}/runs/${created.run_id}`);
  const finished = await waitForTerminal(request, created.poll_url);
  expect(finished.status).toBe("completed");
  expect((await readLaunches({ runId: created.run_id }))[0]).toMatchObject({ kind: "technique", technique_id: technique.technique_id, status: "confirmed" });
});

test("a FLORA that refuses a technique run's place gets the run once more without it, and one run starts", async ({ request }) => {
  // The place is not in the SDK's documented RunCreateParams; a strict FLORA names the key it refuses.
  const refusal = { error: { code: "input_validation_error", message: "Invalid request.", fields: [{ field: "", message: 'Unrecognized key: "workspace_id"' }] } };
  await injectFault({ method: "POST", path: "/techniques/tech_prodshot/runs", fault: { kind: "status", status: 400, body: refusal } });
  await clearSimulatorRequests();
  const before = await simulatorState();
  const response = await request.post("/api/v1/techniques/tech_prodshot/runs", {
    data: { inputs: [{ id: "product", type: "imageUrl", value: "https://media.example/in.png" }], workspace_id: WORKSPACE, project_id: PROJECT },
  });
  expect(response.status(), await response.text()).toBe(200);
  const created = await response.json();
  const posts = (await simulatorRequests()).filter((entry) => entry.method === "POST");
  expect(posts.map((entry) => entry.status)).toEqual([400, 200]);
  expect(posts[0]!.idempotency_key).not.toBe(posts[1]!.idempotency_key);
  expect((await simulatorState()).technique_runs.total).toBe(before.technique_runs.total + 1);
  // The record does not claim a place FLORA was never told.
  expect((await readLaunches({ runId: created.run_id }))[0]).toMatchObject({ status: "confirmed", workspace_id: null, project_id: null });
});

test("a launch whose answer was lost is retried with its key and reconciled to the one run it started", async ({ request }) => {
  await injectFault({ method: "POST", path: "/generate", fault: { kind: "lose_response" } });
  await clearSimulatorRequests();
  const before = (await simulatorState()).generations.total;
  const response = await request.post("/api/v1/generate", { data: body("answer lost on the way") });
  expect(response.status(), await response.text()).toBe(200);
  const created = await response.json();
  expect(response.headers()["idempotent-replayed"]).toBe("true");

  // FLORA started exactly one run: the first attempt's. The retry, same key, was refused
  // as a duplicate, and the gateway found the run the first attempt started.
  expect((await simulatorState()).generations.total).toBe(before + 1);
  const posts = (await simulatorRequests()).filter((entry) => entry.method === "POST" && entry.path === "/api/v1/generate");
  expect(posts).toHaveLength(2);
  expect(posts[1]!.status).toBe(409);
  expect(posts[0]!.idempotency_key).toBe(posts[1]!.idempotency_key);
  const newest = await simulatorGet<{ generations: Array<{ run_id: string }> }>(
    `/generations?workspace_id=${WORKSPACE}&project_id=${PROJECT}&limit=1`,
  );
  expect(created.run_id).toBe(newest.generations[0]!.run_id);
  expect((await readLaunches({ runId: created.run_id }))[0]).toMatchObject({ status: "confirmed", prompt: "answer lost on the way" });
});

test("URL params that are not http(s) URLs are refused before FLORA, with nothing spent", async ({ request }) => {
  await clearSimulatorRequests();
  const before = await simulatorState();
  // Kling's start frame, named model: checked against the model's schema.
  const kling = await expectErrorEnvelope(
    await request.post("/api/v1/generate", { data: { type: "video", prompt: "a start frame", workspace_id: WORKSPACE, project_id: PROJECT, model: "i2v-kling-2-1", params: { image_url: "abc" } } }),
    400,
    "input_validation_error",
  );
  expect(kling.error.fields).toEqual([{ field: "params.image_url", message: "Must be an http(s) URL." }]);
  // No model named (FLORA would choose one): URL-named params are still checked here.
  const flux = await expectErrorEnvelope(
    await request.post("/api/v1/generate", { data: { ...body("a reference"), params: { image_urls: ["https://media.example/ok.png", "not a url"] } } }),
    400,
    "input_validation_error",
  );
  expect(flux.error.fields).toEqual([{ field: "params.image_urls.1", message: "Must be an http(s) URL." }]);
  const technique = await expectErrorEnvelope(
    await request.post("/api/v1/techniques/tech_storybrd/runs", {
      data: { inputs: [{ id: "frames", type: "imageUrl", value: "https://media.example/1.png" }, { id: "frames", type: "imageUrl", value: "abc" }, { id: "script", type: "text", value: "hi" }] },
    }),
    400,
    "input_validation_error",
  );
  expect(technique.error.fields).toEqual([{ field: "inputs.frames.1", message: "Must be an http(s) URL." }]);
  expect((await simulatorRequests()).filter((r) => r.method === "POST")).toEqual([]);
  const after = await simulatorState();
  expect(after.balance).toBe(before.balance);
  expect(after.generations.total).toBe(before.generations.total);
});
