import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, requireFloraKey } from "@/lib/env-schema";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.FLORA_BASE_URL).toBe("https://app.flora.ai/api/v1");
    expect(env.ATELIER_UPSTREAM).toBe("flora");
    expect(env.PORT).toBe(3000);
    expect(env.FLORA_API_KEY).toBeUndefined();
  });

  it("treats blank values as unset", () => {
    const env = parseEnv({ FLORA_API_KEY: "  ", FLORA_BASE_URL: "", ATELIER_UPSTREAM: "", PORT: "", LOG_LEVEL: " " });
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
      parseEnv({ FLORA_BASE_URL: "ftp://example.com", PORT: "eighty", ATELIER_UPSTREAM: "mock" });
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
    expect(() => requireFloraKey(parseEnv({}))).toThrow(/FLORA_API_KEY is not set.*built-in simulator/);
  });
});
