import { describe, expect, it } from "vitest";
import { createNonce, mediaSources, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";

const directives = (policy: string) =>
  new Map(policy.split(";").map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name!, sources] as const;
  }));

describe("createNonce", () => {
  it("is fresh every time, in the base64 form Next reads from the policy", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("mediaSources", () => {
  const FLORA = "https://app.flora.ai/api/v1";

  it("allows any https host without MEDIA_HOSTS, and FLORA's origin", () => {
    expect(mediaSources(undefined, FLORA)).toEqual(["https:", "https://app.flora.ai"]);
  });

  it("allows only the listed hosts, over https on any port, when MEDIA_HOSTS is set", () => {
    expect(mediaSources("cdn.flora.ai, *.media.example.com  Assets.Example.com", FLORA)).toEqual([
      "https://cdn.flora.ai:*",
      "https://assets.example.com:*",
      "https://*.media.example.com:*",
      "https://app.flora.ai",
    ]);
  });

  it("always allows the simulator's origin, which serves media over http on loopback", () => {
    expect(mediaSources(undefined, "http://127.0.0.1:4010/api/v1")).toEqual(["https:", "http://127.0.0.1:4010"]);
  });

  it("leaves out entries that are not host names instead of letting them into the policy", () => {
    expect(mediaSources("cdn.example.com;script-src,'unsafe-inline' * http://evil.example ok.example.com", FLORA)).toEqual([
      "https://ok.example.com:*",
      "https://app.flora.ai",
    ]);
    // Nothing usable listed: no media host at all, never every https host.
    expect(mediaSources("'unsafe-inline'", FLORA)).toEqual(["https://app.flora.ai"]);
  });
});

describe("pageContentSecurityPolicy", () => {
  const policy = pageContentSecurityPolicy({ nonce: "bm9uY2U=", mediaSources: ["https://cdn.example.com", "http://127.0.0.1:4010"] });
  const parsed = directives(policy);

  it("runs only nonced scripts and what they load", () => {
    expect(parsed.get("script-src")).toEqual(["'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("shuts plugins, base rewrites, framing by others and foreign form posts", () => {
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("base-uri")).toEqual(["'none'"]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(parsed.get("form-action")).toEqual(["'self'"]);
    expect(parsed.get("default-src")).toEqual(["'self'"]);
    expect(parsed.get("connect-src")).toEqual(["'self'"]);
  });

  it("lets outputs come from the media hosts, as images, media and the PDF frame", () => {
    for (const name of ["img-src", "media-src"]) {
      expect(parsed.get(name)).toEqual(["'self'", "data:", "blob:", "https://cdn.example.com", "http://127.0.0.1:4010"]);
    }
    // A data: or blob: document is no PDF preview: frames come from the media hosts only.
    expect(parsed.get("frame-src")).toEqual(["'self'", "https://cdn.example.com", "http://127.0.0.1:4010"]);
  });

  it("reports violations to the dashboard", () => {
    expect(parsed.get("report-uri")).toEqual(["/api/csp-report"]);
  });

  it("allows eval only for next dev", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "bm9uY2U=", mediaSources: [], development: true }));
    expect(dev.get("script-src")).toEqual(["'nonce-bm9uY2U='", "'strict-dynamic'", "'unsafe-eval'"]);
  });
});
