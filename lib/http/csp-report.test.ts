import { describe, expect, it } from "vitest";
import { cspViolations, MAX_FIELD_LENGTH, MAX_VIOLATIONS_PER_BODY } from "@/lib/http/csp-report";

const legacy = {
  "csp-report": {
    "document-uri": "http://127.0.0.1:3000/generations",
    referrer: "",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'self'; script-src 'nonce-abc' 'strict-dynamic'",
    disposition: "enforce",
    "blocked-uri": "inline",
    "line-number": 3,
    "source-file": "http://127.0.0.1:3000/generations",
    "status-code": 200,
    "script-sample": "window.__injected = 1",
  },
};

const reportingApi = [
  {
    type: "csp-violation",
    age: 10,
    url: "http://127.0.0.1:3000/sign-in",
    user_agent: "Chrome",
    body: {
      documentURL: "http://127.0.0.1:3000/sign-in",
      blockedURL: "https://evil.example/x.js",
      effectiveDirective: "script-src-elem",
      originalPolicy: "…",
      sourceFile: "http://127.0.0.1:3000/sign-in",
      sample: "",
      disposition: "enforce",
      statusCode: 200,
    },
  },
  { type: "deprecation", body: { id: "x", message: "not ours" } },
];

describe("cspViolations", () => {
  it("keeps a few fields of a report-uri report", () => {
    expect(cspViolations("application/csp-report", legacy)).toEqual([
      {
        document: "http://127.0.0.1:3000/generations",
        blocked: "inline",
        directive: "script-src-elem",
        source: "http://127.0.0.1:3000/generations",
        sample: "window.__injected = 1",
      },
    ]);
  });

  it("keeps the CSP reports of a Reporting API list, and nothing else", () => {
    expect(cspViolations("application/reports+json", reportingApi)).toEqual([
      {
        document: "http://127.0.0.1:3000/sign-in",
        blocked: "https://evil.example/x.js",
        directive: "script-src-elem",
        source: "http://127.0.0.1:3000/sign-in",
      },
    ]);
  });

  it("cuts every field short", () => {
    const long = { "csp-report": { ...legacy["csp-report"], "script-sample": "x".repeat(10_000) } };
    expect(cspViolations("application/csp-report", long)[0]!.sample).toHaveLength(MAX_FIELD_LENGTH);
  });

  it("tolerates fields of the wrong type, and drops them", () => {
    const odd = { "csp-report": { "document-uri": { nested: true }, "blocked-uri": ["a"], "effective-directive": "img-src" } };
    expect(cspViolations("application/csp-report", odd)).toEqual([{ directive: "img-src" }]);
  });

  it("finds nothing in a body of the wrong shape, or one that says nothing", () => {
    expect(cspViolations("application/csp-report", [legacy])).toEqual([]);
    expect(cspViolations("application/csp-report", { "csp-report": {} })).toEqual([]);
    expect(cspViolations("application/reports+json", legacy)).toEqual([]);
    expect(cspViolations("application/reports+json", "csp-violation")).toEqual([]);
  });

  it("keeps at most a handful of violations from one body", () => {
    const many = Array.from({ length: 40 }, () => reportingApi[0]);
    expect(cspViolations("application/reports+json", many)).toHaveLength(MAX_VIOLATIONS_PER_BODY);
  });
});
