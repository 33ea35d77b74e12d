import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, requireFloraKey } from "@/lib/env-schema";

const SECRET = "a-test-secret-that-is-long-enough-32+";

describe("parseEnv", () => {
  it("fills defaults for an environment with only a session secret", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET });
    expect(env.FLORA_BASE_URL).toBe("https://app.flora.ai/api/v1");
    expect(env.ATELIER_UPSTREAM).toBe("flora");
    expect(env.PORT).toBe(3000);
    expect(env.FLORA_API_KEY).toBeUndefined();
  });

  it("treats blank values as unset", () => {
    const env = parseEnv({
      AUTH_SECRET: SECRET,
      FLORA_API_KEY: "  ",
      FLORA_BASE_URL: "",
      ATELIER_UPSTREAM: "",
      PORT: "",
      LOG_LEVEL: " ",
    });
    expect(env.FLORA_API_KEY).toBeUndefined();
    expect(env.FLORA_BASE_URL).toBe("https://app.flora.ai/api/v1");
    expect(env).toMatchObject({ ATELIER_UPSTREAM: "flora", PORT: 3000, LOG_LEVEL: "info" });
  });

  it("accepts a simulator configuration", () => {
    const env = parseEnv({
      FLORA_API_KEY: "sk_test_abc",
      FLORA_BASE_URL: "http://127.0.0.1:4010/api/v1",
      ATELIER_UPSTREAM: "simulator",
      PORT: "3100",
    });
    expect(env).toMatchObject({ ATELIER_UPSTREAM: "simulator", PORT: 3100 });
    expect(requireFloraKey(env)).toBe("sk_test_abc");
  });

  it("names each bad variable and says how to fix it", () => {
    let caught: unknown;
    try {
      parseEnv({ AUTH_SECRET: SECRET, FLORA_BASE_URL: "ftp://example.com", PORT: "eighty", ATELIER_UPSTREAM: "mock" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const message = (caught as EnvError).message;
    expect(message).toMatch(/FLORA_BASE_URL must be an http\(s\) URL/);
    expect(message).toMatch(/PORT must be a whole number/);
    expect(message).toMatch(/ATELIER_UPSTREAM must be "flora" or "simulator"/);
    expect((caught as EnvError).problems).toHaveLength(3);
  });

  it("rejects a key with spaces", () => {
    expect(() => parseEnv({ FLORA_API_KEY: "sk live" })).toThrow(/FLORA_API_KEY must be a single token/);
  });

  it("requires a key before the app talks to an upstream", () => {
    expect(() => requireFloraKey(parseEnv({ AUTH_SECRET: SECRET }))).toThrow(
      /FLORA_API_KEY is not set.*built-in simulator/,
    );
  });

  it("requires AUTH_SECRET outside simulator mode only", () => {
    expect(() => parseEnv({ FLORA_API_KEY: "sk_live_x" })).toThrow(/AUTH_SECRET is not set.*required/);
    expect(() => parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1:4010/api/v1" })).not.toThrow();
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
  });

  it("requires OAuth client ids and secrets in pairs", () => {
    expect(() => parseEnv({ AUTH_SECRET: SECRET, AUTH_GITHUB_ID: "abc" })).toThrow(
      /AUTH_GITHUB_SECRET is not set\. AUTH_GITHUB_ID and AUTH_GITHUB_SECRET go together/,
    );
    expect(() =>
      parseEnv({ AUTH_SECRET: SECRET, AUTH_OIDC_ID: "id", AUTH_OIDC_SECRET: "secret" }),
    ).toThrow(/AUTH_OIDC_ISSUER is not set/);
    expect(parseEnv({ AUTH_SECRET: SECRET, AUTH_GOOGLE_ID: "id", AUTH_GOOGLE_SECRET: "s" }).AUTH_GOOGLE_ID).toBe("id");
  });

  it("has demo admin defaults for simulator mode", () => {
    const env = parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://localhost:4010/api/v1" });
    expect(env.DEMO_ADMIN_EMAIL).toBe("admin@atelier.local");
    expect(env.DEMO_ADMIN_PASSWORD.length).toBeGreaterThanOrEqual(8);
    expect(env.DATABASE_URL).toBe("file:./data/atelier.db");
  });

  it("refuses simulator mode with a live key or an upstream off this machine, naming both variables", () => {
    const live = () =>
      parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_API_KEY: "sk_live_abc", FLORA_BASE_URL: "http://127.0.0.1:4010/api/v1" });
    expect(live).toThrow(/ATELIER_UPSTREAM is simulator but FLORA_API_KEY is a live key/);
    for (const base of ["https://app.flora.ai/api/v1", "http://10.0.0.5:4010/api/v1", "http://127.0.0.1.example.com/api/v1"]) {
      expect(() => parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_API_KEY: "sk_test_x", FLORA_BASE_URL: base })).toThrow(
        /ATELIER_UPSTREAM is simulator but FLORA_BASE_URL .* is not a loopback address/,
      );
    }
    // The default base URL is FLORA's own: simulator mode must name a loopback one.
    expect(() => parseEnv({ ATELIER_UPSTREAM: "simulator" })).toThrow(/FLORA_BASE_URL/);
    for (const base of ["http://127.0.0.1:4010/api/v1", "http://localhost:9/api/v1", "http://[::1]:4010/api/v1", "http://127.9.8.7/api/v1"]) {
      expect(() => parseEnv({ ATELIER_UPSTREAM: "simulator", FLORA_API_KEY: "sk_test_x", FLORA_BASE_URL: base })).not.toThrow();
    }
  });

  it("reads the hardening settings with safe defaults", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET });
    expect(env).toMatchObject({ TRUSTED_PROXY_HOPS: 0, USER_RATE_LIMIT_PER_MINUTE: 600, OUTPUT_MAX_BYTES: 2 * 1024 ** 3 });
    expect(env.MEDIA_HOSTS).toBeUndefined();
    expect(parseEnv({ AUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ AUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ AUTH_SECRET: SECRET, USER_RATE_LIMIT_PER_MINUTE: "0" })).toThrow(/USER_RATE_LIMIT_PER_MINUTE/);
    expect(() => parseEnv({ AUTH_SECRET: SECRET, OUTPUT_MAX_BYTES: "lots" })).toThrow(/OUTPUT_MAX_BYTES/);
  });
});

describe("PUBLIC_URL and FLORA_WEBHOOK_SECRET (FLORA's webhooks)", () => {
  const WHSEC = "whsec_test_secret_value";
  const withHooks = (publicUrl: string) => parseEnv({ AUTH_SECRET: SECRET, PUBLIC_URL: publicUrl, FLORA_WEBHOOK_SECRET: WHSEC });

  it("are off unless set", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET, PUBLIC_URL: " " });
    expect(env.PUBLIC_URL).toBeUndefined();
    expect(env.FLORA_WEBHOOK_SECRET).toBeUndefined();
  });

  it("accept an https origin anywhere and http on loopback only, kept as the bare origin", () => {
    expect(withHooks("https://atelier.example.com").PUBLIC_URL).toBe("https://atelier.example.com");
    expect(withHooks("https://atelier.example.com/").PUBLIC_URL).toBe("https://atelier.example.com");
    for (const local of ["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000"]) expect(withHooks(local).PUBLIC_URL).toBe(local);
    expect(withHooks("https://atelier.example.com").FLORA_WEBHOOK_SECRET).toBe(WHSEC);
  });

  it.each([
    ["http://atelier.example.com", /PUBLIC_URL must be https/],
    ["http://10.0.0.5:3000", /PUBLIC_URL must be https/],
    ["http://127.0.0.1.example.com", /PUBLIC_URL must be https/],
    ["https://atelier.example.com/dashboard", /PUBLIC_URL must be an origin only/],
    ["https://atelier.example.com/?x=1", /PUBLIC_URL must be an origin only/],
    ["https://user:pw@atelier.example.com", /PUBLIC_URL must not carry credentials/],
    ["ftp://atelier.example.com", /PUBLIC_URL must be an http\(s\) URL/],
    ["atelier.example.com", /PUBLIC_URL must be an http\(s\) URL/],
  ])("refuse PUBLIC_URL=%s", (value, problem) => {
    expect(() => withHooks(value)).toThrow(problem);
  });

  it("refuse PUBLIC_URL without the secret, naming both, and never print the secret", () => {
    expect(() => parseEnv({ AUTH_SECRET: SECRET, PUBLIC_URL: "https://atelier.example.com" })).toThrow(
      /PUBLIC_URL is set but FLORA_WEBHOOK_SECRET is not/,
    );
    let message = "";
    try {
      parseEnv({ AUTH_SECRET: SECRET, FLORA_WEBHOOK_SECRET: "not-a-whsec-secret-value" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/FLORA_WEBHOOK_SECRET must be the webhook signing secret, starting with whsec_/);
    expect(message).not.toContain("not-a-whsec-secret-value");
  });
});
