import FLORA from "@flora-ai/flora";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NORTHWIND, startFixture, type SimFixture } from "./testing/sim-fixture";

let fx: SimFixture;
beforeAll(async () => {
  fx = await startFixture({ rateLimitPerMinute: 0 });
});
afterAll(() => fx.sim.close());

async function errorOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("request-id")).toMatch(/^req_[0-9a-f]+$/);
  return ((await response.json()) as { error: { code: string; message: string; fields?: { field: string; message: string }[] } }).error;
}

const post = (path: string, body: unknown) =>
  fx.api(path, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });

describe("authentication", () => {
  it.each([
    ["missing", {}],
    ["wrong key", { authorization: "Bearer sk_test_wrong" }],
    ["wrong scheme", { authorization: "Basic c2tfdGVzdF9zaW11bGF0b3I6" }],
  ])("answers 401 when the key is %s", async (_label, headers) => {
    const response = await fetch(`${fx.sim.baseURL}/generations`, { headers });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({ code: "unauthorized", message: "Invalid API key." });
  });

  it("maps to the SDK's AuthenticationError", async () => {
    await expect(fx.client({ apiKey: "sk_test_nope" }).workspaces.list()).rejects.toBeInstanceOf(FLORA.AuthenticationError);
  });
});

describe("validation", () => {
  it.each([
    ["/generations?limit=0", "limit"],
    ["/generations?limit=101", "limit"],
    ["/generations?limit=2.5", "limit"],
    ["/generations?limit=abc", "limit"],
    ["/generations?status=done", "status"],
    ["/generations?workspace_id=northwind", "workspace_id"],
    ["/technique-runs?technique_id=prodshot", "technique_id"],
    ["/generations?cursor=not-a-cursor", "cursor"],
    ["/projects", "workspace_id"],
    ["/runs/abc123", "runId"],
    ["/runs/run_bad%3Cscript%3E", "runId"],
    ["/models?type=t2i", "type"],
  ])("GET %s → 400 on %s", async (path, field) => {
    const response = await fx.api(path);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("input_validation_error");
    expect(error.fields?.map((f) => f.field)).toContain(field);
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  });

  it("refuses a cursor from another list", async () => {
    const page = (await (await fx.api("/technique-runs?limit=1")).json()) as { meta: { next_cursor: string } };
    const response = await fx.api(`/generations?cursor=${page.meta.next_cursor}`);
    expect((await errorOf(response)).fields).toEqual([{ field: "cursor", message: "Invalid cursor." }]);
  });

  it("lists every missing field of POST /generate", async () => {
    const error = await errorOf(await post("/generate", {}));
    expect(error.code).toBe("input_validation_error");
    expect(error.message).toBe("type: Required");
    expect(error.fields?.map((f) => f.field).sort()).toEqual(["project_id", "prompt", "type", "workspace_id"]);
  });

  it.each([
    [{ type: "t2i" }, "type"],
    [{ prompt: "   " }, "prompt"],
    [{ workspace_id: "northwind" }, "workspace_id"],
    [{ project_id: "springcampaign" }, "project_id"],
    [{ model: "FLUX.2 [pro]" }, "model"],
    [{ model: "t2v-veo-3" }, "model"],
    [{ params: [1, 2] }, "params"],
    [{ params: { num_images: 9 } }, "params.num_images"],
    [{ params: { guidance: "high" } }, "params.guidance"],
    [{ params: { colour: "red" } }, "params.colour"],
    [{ callback_url: "http://example.com/hook" }, "callback_url"],
    [{ callback_url: "https://10.0.0.4/hook" }, "callback_url"],
  ])("POST /generate with %j → 400 on %s", async (patch, field) => {
    const response = await post("/generate", { type: "image", prompt: "a mug", ...NORTHWIND, ...patch });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields?.map((f) => f.field)).toEqual([field]);
  });

  it("checks technique inputs against the technique", async () => {
    const response = await post("/techniques/tech_storybrd/runs", {
      mode: "async",
      inputs: [{ id: "frames", type: "videoUrl", value: "https://example.com/a.mp4" }, { id: "nope", type: "text", value: "x" }],
    });
    const fields = (await errorOf(response)).fields?.map((f) => f.field);
    expect(fields).toEqual(["inputs.0.type", "inputs.1.id", "inputs"]);
  });

  it("answers invalid_json for a body that is not JSON", async () => {
    const response = await post("/generate", "{not json");
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_json");
  });
});

describe("not found and methods", () => {
  it.each(["/runs/run_doesnotexist", "/techniques/tech_nothere", "/nowhere", "/projects?workspace_id=ws_nothere"])(
    "GET %s → 404 not_found",
    async (path) => {
      const response = await fx.api(path);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    },
  );

  it("404s a run fetched under the wrong technique", async () => {
    const page = (await (await fx.api("/technique-runs?technique_id=tech_prodshot&limit=1")).json()) as {
      technique_runs: { run_id: string }[];
    };
    const runId = page.technique_runs[0]?.run_id ?? "";
    expect((await fx.api(`/techniques/tech_prodshot/runs/${runId}`)).status).toBe(200);
    expect((await fx.api(`/techniques/tech_brandkit/runs/${runId}`)).status).toBe(404);
  });

  it("404s an unknown project on launch", async () => {
    const response = await post("/generate", { type: "text", prompt: "hi", workspace_id: "ws_northwind", project_id: "prj_copylab" });
    expect(response.status).toBe(404);
  });

  it("answers 405 with Allow for a wrong method", async () => {
    const response = await fx.api("/generations", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect((await errorOf(response)).code).toBe("method_not_allowed");
  });
});
