import { describe, expect, it } from "vitest";
import { callbackUrlProblem } from "./api/callback-url";
import { optionsFromEnv } from "./env";
import { DEFAULT_OPTIONS } from "./options";

describe("environment", () => {
  it("defaults every variable", () => {
    expect(optionsFromEnv({})).toEqual(DEFAULT_OPTIONS);
    expect(optionsFromEnv({ SIMULATOR_PORT: "" }).port).toBe(4010);
  });

  it("reads and converts values", () => {
    const options = optionsFromEnv({
      SIMULATOR_PORT: "0", SIMULATOR_SEED: "7", SIMULATOR_RUN_SECONDS: "1.5", SIMULATOR_RATE_LIMIT: "0",
      SIMULATOR_PUBLIC_URL: "https://sim.example.com/",
    });
    expect(options).toMatchObject({ port: 0, seed: 7, runSeconds: 1.5, rateLimitPerMinute: 0, publicUrl: "https://sim.example.com" });
  });

  it("names each bad variable", () => {
    expect(() => optionsFromEnv({ SIMULATOR_PORT: "http", SIMULATOR_CREDITS: "-5", SIMULATOR_PUBLIC_URL: "ftp://x" }))
      .toThrow(/SIMULATOR_PORT[\s\S]*SIMULATOR_CREDITS[\s\S]*SIMULATOR_PUBLIC_URL/);
  });
});

describe("callback_url", () => {
  it.each(["https://hooks.example.com/flora", "http://127.0.0.1:9999/hook", "http://localhost:3000/x", "https://[::1]:8443/h"])(
    "accepts %s",
    (url) => expect(callbackUrlProblem(url)).toBeUndefined(),
  );
  it.each([
    ["not a url", "valid URL"],
    ["http://hooks.example.com/flora", "https"],
    ["https://10.1.2.3/hook", "public host"],
    ["https://192.168.0.10/hook", "public host"],
    ["https://intranet/hook", "public host"],
    ["https://printer.local/hook", "public host"],
    ["ftp://127.0.0.1/hook", "https"],
    ["https://user:pw@hooks.example.com/", "credentials"],
  ])("refuses %s", (url, problem) => expect(callbackUrlProblem(url)).toContain(problem));
});
