import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl, signInPathFor } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it.each([
    "/runs/run_abc?x=1",
    "/runs/run_abc?tab=outputs",
    "/generations?status=failed&workspace_id=ws_1",
    "/technique-runs?status=failed&workspace=ws_1",
    "/technique-runs/tech_1/run_1",
    "/generations?q=50%25",
    "/generations?next=%2Fruns%2Frun_1",
  ])("keeps %s unchanged", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it("returns the path the browser would request, dot segments resolved", () => {
    expect(safeCallbackPath("/runs/./run_1")).toBe("/runs/run_1");
    expect(safeCallbackPath("/a/../runs/run_1?x=1")).toBe("/runs/run_1?x=1");
    expect(safeCallbackPath("/a/%2e%2e/runs/run_1")).toBe("/runs/run_1");
  });

  it.each([
    ["an absolute URL", "https://evil.example/runs/1"],
    ["our own origin spelled out", "http://127.0.0.1:3000/runs/1"],
    ["a protocol-relative URL", "//evil.example/x"],
    ["a backslash trick", "/\\evil.example/x"],
    ["a leading backslash pair", "\\\\evil"],
    ["a scheme without slashes", "https:evil"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path without a slash", "runs/1"],
    ["the sign-in page itself", "/sign-in?callbackUrl=/x"],
    ["an API route", "/api/v1/generations"],
    ["nothing", ""],
    ["null", null],
    ["a huge candidate", `/${"a".repeat(5000)}`],
  ])("falls back to the history for %s", (_label, candidate) => {
    expect(safeCallbackPath(candidate)).toBe("/generations");
  });

  // Each of these is a path on this site as written, and `//evil.example` (or `/\evil`,
  // which browsers read the same) once normalised or decoded.
  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/%2e%2e//evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "/./%2e/..//x",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "/%5c/evil.example",
    "/%5C%5Cevil.example",
    "/%2f/evil.example",
    "/%2f%2fevil",
    "/%2F%2Fevil",
    "/%252e//evil",
    "/%252f%252fevil",
    "/%25252e//evil",
    "/%255c/evil",
    "/a/%2e%2e/%2fevil",
    "/.%2e/%2fevil",
    "/x\\/evil",
    "/x%00",
    "/runs?q=\u007f",
  ])("refuses %j", (candidate) => {
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

  it("carries no path that leaves the site", () => {
    expect(signInPathFor("/.//evil.example")).toBe("/sign-in");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3000";

  it("keeps a page of this site, given as a path or as a full URL", () => {
    expect(safeRedirectUrl("/runs/run_abc?x=1", base)).toBe(`${base}/runs/run_abc?x=1`);
    expect(safeRedirectUrl(`${base}/generations?status=failed&workspace_id=ws_1`, base)).toBe(
      `${base}/generations?status=failed&workspace_id=ws_1`,
    );
    expect(safeRedirectUrl(base, base)).toBe(`${base}/`);
  });

  it.each([
    `${base}/.//evil.example`,
    `${base}/..//evil.example`,
    `${base}/%2e//evil.example`,
    `${base}/a/..//evil.example`,
    `${base}//evil.example`,
    "/.//evil.example",
    "/%5c/evil.example",
    `${base}.evil.example/runs/1`,
    `${base}@evil.example/runs/1`,
    "https://evil.example/",
  ])("sends %s to the history of this site", (url) => {
    expect(safeRedirectUrl(url, base)).toBe(`${base}/generations`);
  });
});
