import { describe, expect, it } from "vitest";
import type { UpstreamFailure } from "@/lib/flora/upstream-failure";
import { hasPlace, placelessKey, refusesPlace, withoutPlace } from "./technique-place";

const status = (overrides: Partial<Extract<UpstreamFailure, { kind: "status" }>>): UpstreamFailure => ({
  kind: "status",
  status: 400,
  code: "input_validation_error",
  message: "Invalid request.",
  fields: undefined,
  retryAfterMs: null,
  requestId: null,
  ...overrides,
});

describe("refusesPlace", () => {
  it("recognises a refusal that names the place, in a field or in the message", () => {
    expect(refusesPlace(status({ fields: [{ field: "workspace_id", message: "Unknown field." }] }))).toBe(true);
    expect(refusesPlace(status({ fields: [{ field: "", message: 'Unrecognized key: "project_id"' }] }))).toBe(true);
    expect(refusesPlace(status({ status: 422, message: "Unrecognized keys: workspace_id, project_id" }))).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(refusesPlace(status({ fields: [{ field: "inputs.0.value", message: "Must be an http(s) URL." }] }))).toBe(false);
    expect(refusesPlace(status({ status: 404, message: "project_id prj_x not found" }))).toBe(false);
    expect(refusesPlace(status({ status: 402, code: "insufficient_credits", message: "workspace_id ws_a has no credits" }))).toBe(false);
    expect(refusesPlace({ kind: "timeout" })).toBe(false);
    expect(refusesPlace(status({ message: "my_workspace_identifier is odd" }))).toBe(false);
  });
});

describe("withoutPlace", () => {
  it("drops only the place", () => {
    const body = { inputs: [{ id: "prompt", type: "text" as const, value: "a fox" }], mode: "async" as const, workspace_id: "ws_a", project_id: "prj_b" };
    expect(hasPlace(body)).toBe(true);
    expect(withoutPlace(body)).toEqual({ inputs: body.inputs, mode: "async" });
    expect(hasPlace(withoutPlace(body))).toBe(false);
    expect(placelessKey("abc")).not.toBe("abc");
  });
});
