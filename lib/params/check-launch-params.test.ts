import { describe, expect, it, vi } from "vitest";
import type { Model, Technique } from "@/lib/flora/schemas";
import { ApiError } from "@/lib/errors/api-error";
import { UpstreamCallError } from "@/lib/flora/call-policy";

const upstream = vi.hoisted(() => ({
  models: async (): Promise<Model[]> => [],
  technique: async (_id: string): Promise<Technique> => {
    throw new Error("unset");
  },
}));
vi.mock("@/lib/flora/reads", () => ({ loadModels: () => upstream.models(), loadTechnique: (id: string) => upstream.technique(id) }));
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));

const { checkLaunchParams, checkTechniqueInputs } = await import("@/lib/params/check-launch-params");

const MODEL: Model = {
  model_id: "t2i-flux",
  name: "FLUX",
  provider: "bfl",
  type: "image",
  capabilities: [],
  estimated_credits: 4,
  estimated_seconds: 10,
  params: [{ name: "steps", type: "int", required: false, min: 1, max: 50 }],
};
const TECHNIQUE: Technique = { technique_id: "tech_x", name: "X", run_cost: 1, inputs: [{ id: "brief", name: "Brief", type: "text" }], outputs: [] };
const body = (extra: Record<string, unknown> = {}) => ({ type: "image" as const, prompt: "a fox", workspace_id: "ws_a", project_id: "prj_a", ...extra });

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("launch checks fail closed", () => {
  it("answers 503 when the catalogue of a named model cannot be read, instead of launching unchecked", async () => {
    upstream.models = async () => {
      throw new Error("FLORA is down");
    };
    const error = await refusal(checkLaunchParams(body({ model: "t2i-flux", params: { steps: 999 } })));
    expect(error).toMatchObject({ code: "service_unavailable", status: 503 });
    expect(error.headers).toMatchObject({ "retry-after": "5" });
    // Without a model FLORA chooses one and checks the params itself: nothing to read.
    await expect(checkLaunchParams(body())).resolves.toBeUndefined();
  });

  it("refuses a model the catalogue does not list, on the model field", async () => {
    upstream.models = async () => [MODEL];
    const error = await refusal(checkLaunchParams(body({ model: "t2i-made-up" })));
    expect(error).toMatchObject({ code: "input_validation_error", status: 400 });
    expect(error.fields).toEqual([{ field: "model", message: expect.stringContaining("t2i-made-up") }]);
    await expect(checkLaunchParams(body({ model: "t2i-flux", params: { steps: 20 } }))).resolves.toBeUndefined();
    expect((await refusal(checkLaunchParams(body({ model: "t2i-flux", params: { steps: 999 } })))).fields?.[0]?.field).toBe("params.steps");
  });

  it("answers 503 when a technique's inputs cannot be read, and 404 when FLORA has no such technique", async () => {
    upstream.technique = async () => {
      throw new Error("timeout");
    };
    expect(await refusal(checkTechniqueInputs("tech_x", { inputs: [{ id: "brief", type: "text", value: "hi" }], mode: "async" }))).toMatchObject({
      code: "service_unavailable",
    });
    upstream.technique = async () => {
      throw new UpstreamCallError({ kind: "status", status: 404 } as never, new ApiError("not_found", "No such technique."));
    };
    expect(await refusal(checkTechniqueInputs("tech_gone", { inputs: [{ id: "brief", type: "text", value: "hi" }], mode: "async" }))).toMatchObject({
      code: "not_found",
    });
    upstream.technique = async () => TECHNIQUE;
    await expect(checkTechniqueInputs("tech_x", { inputs: [{ id: "brief", type: "text", value: "hi" }], mode: "async" })).resolves.toBeUndefined();
  });

  it("refuses URL-named params that are not http(s) URLs, even when FLORA would pick the model", async () => {
    upstream.models = async () => {
      throw new Error("not needed");
    };
    const error = await refusal(checkLaunchParams(body({ params: { image_url: "abc", image_urls: ["https://a.example/1.png", "not a url"] } })));
    expect(error).toMatchObject({ code: "input_validation_error", status: 400 });
    expect(error.fields).toEqual([
      { field: "params.image_url", message: "Must be an http(s) URL." },
      { field: "params.image_urls.1", message: "Must be an http(s) URL." },
    ]);
    upstream.models = async () => [{ ...MODEL, params: [{ name: "image_url", type: "string", required: true }] }];
    expect((await refusal(checkLaunchParams(body({ model: "t2i-flux", params: { image_url: "javascript:alert(1)" } })))).fields).toEqual([
      { field: "params.image_url", message: "Must be an http(s) URL." },
    ]);
    await expect(checkLaunchParams(body({ model: "t2i-flux", params: { image_url: "https://a.example/1.png" } }))).resolves.toBeUndefined();
  });
});
