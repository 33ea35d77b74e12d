import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInPathFor } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path with its query", () => {
    expect(safeCallbackPath("/runs/run_abc?tab=outputs")).toBe("/runs/run_abc?tab=outputs");
    expect(safeCallbackPath("/technique-runs?status=failed&workspace=ws_1")).toBe(
      "/technique-runs?status=failed&workspace=ws_1",
    );
  });

  it.each([
    ["an absolute URL", "https://evil.example/runs/1"],
    ["our own origin spelled out", "http://127.0.0.1:3000/runs/1"],
    ["a protocol-relative URL", "//evil.example/x"],
    ["a backslash trick", "/\\evil.example/x"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path without a slash", "runs/1"],
    ["the sign-in page itself", "/sign-in?callbackUrl=/x"],
    ["an API route", "/api/v1/generations"],
    ["nothing", ""],
    ["null", null],
  ])("falls back to the history for %s", (_label, candidate) => {
    expect(safeCallbackPath(candidate)).toBe("/generations");
  });

  it("drops a fragment", () => {
    expect(safeCallbackPath("/runs/run_1#outputs")).toBe("/runs/run_1");
  });
});

describe("signInPathFor", () => {
  it("carries the page asked for", () => {
    expect(signInPathFor("/runs/run_1?x=1")).toBe("/sign-in?callbackUrl=%2Fruns%2Frun_1%3Fx%3D1");
  });

  it("needs no callback for the default landing page", () => {
    expect(signInPathFor("/generations")).toBe("/sign-in");
  });
});
