import { describe, expect, it } from "vitest";
import {
  generateBodySchema,
  generationListQuerySchema,
  runParamsSchema,
  techniqueRunBodySchema,
  techniqueRunListQuerySchema,
} from "@/lib/flora/request-schemas";

const validGenerate = { type: "image", prompt: "a mug", workspace_id: "ws_1", project_id: "prj_1" };

describe("ids", () => {
  it.each(["run_abc", "run_A-b_9"])("accepts %s", (runId) => {
    expect(runParamsSchema.safeParse({ runId }).success).toBe(true);
  });

  it.each(["abc", "run_", "ws_abc", "run_a/b", "run_..", "run_a.b", "run_a%2Fb", "run_a b", `run_${"x".repeat(200)}`])(
    "refuses %s",
    (runId) => {
      expect(runParamsSchema.safeParse({ runId }).success).toBe(false);
    },
  );
});

describe("list queries", () => {
  it("coerces the limit and keeps filters", () => {
    expect(generationListQuerySchema.parse({ limit: "25", status: "failed", workspace_id: "ws_1" })).toEqual({
      limit: 25,
      status: "failed",
      workspace_id: "ws_1",
    });
  });

  it.each([
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ limit: "2.5" }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ status: "done" }, "status"],
    [{ workspace_id: "prj_1" }, "workspace_id"],
    [{ cursor: "has space" }, "cursor"],
    [{ unknown: "x" }, ""],
  ])("refuses %j", (query, field) => {
    const result = generationListQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    if (field) expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it("lets technique-run lists filter by technique", () => {
    expect(techniqueRunListQuerySchema.parse({ technique_id: "tech_x" })).toEqual({ technique_id: "tech_x" });
    expect(techniqueRunListQuerySchema.safeParse({ technique_id: "x" }).success).toBe(false);
  });
});

describe("POST /generate body", () => {
  it("accepts a minimal and a full body", () => {
    expect(generateBodySchema.parse(validGenerate)).toEqual(validGenerate);
    const full = { ...validGenerate, model: "t2i-flux-2-pro", params: { seed: 4, tags: ["a"] } };
    expect(generateBodySchema.parse(full)).toEqual(full);
  });

  it.each([
    [{ ...validGenerate, type: "t2i" }, "type"],
    [{ ...validGenerate, prompt: "   " }, "prompt"],
    [{ ...validGenerate, prompt: "x".repeat(10_001) }, "prompt"],
    [{ ...validGenerate, workspace_id: "1" }, "workspace_id"],
    [{ ...validGenerate, project_id: "prj_../x" }, "project_id"],
    [{ ...validGenerate, params: [1, 2] }, "params"],
    [{ ...validGenerate, params: null }, "params"],
    [{ ...validGenerate, callback_url: "http://hooks.example/x" }, "callback_url"],
    [{ ...validGenerate, callback_url: "https://hooks.example/x" }, "callback_url"],
    [{ ...validGenerate, model: "name with spaces" }, "model"],
  ])("refuses %j", (body, field) => {
    const result = generateBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it("refuses unknown fields and missing ones", () => {
    expect(generateBodySchema.safeParse({ ...validGenerate, cost: 0 }).success).toBe(false);
    const missing = generateBodySchema.safeParse({ type: "image" });
    expect(missing.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(["project_id", "prompt", "workspace_id"]);
  });

  it("accepts exactly 10,000 characters", () => {
    expect(generateBodySchema.safeParse({ ...validGenerate, prompt: "x".repeat(10_000) }).success).toBe(true);
  });
});

describe("technique run body", () => {
  it("defaults the mode to async", () => {
    expect(techniqueRunBodySchema.parse({ inputs: [{ id: "i1", type: "text", value: "hi" }] }).mode).toBe("async");
  });

  it("refuses a client's callback_url: the dashboard sets it (PUBLIC_URL)", () => {
    const result = techniqueRunBodySchema.safeParse({ inputs: [{ id: "i1", type: "text", value: "hi" }], callback_url: "https://hooks.example/x" });
    expect(result.error!.issues[0]).toMatchObject({ path: ["callback_url"], message: expect.stringMatching(/set by the dashboard \(PUBLIC_URL\)/) });
  });

  it("refuses an empty input list and unknown input types", () => {
    expect(techniqueRunBodySchema.safeParse({ inputs: [] }).success).toBe(false);
    expect(techniqueRunBodySchema.safeParse({ inputs: [{ id: "i", type: "audioUrl", value: "x" }] }).success).toBe(false);
  });
});
