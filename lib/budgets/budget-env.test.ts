import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env-schema";

const base = { FLORA_API_KEY: "sk_test_x", AUTH_SECRET: "x".repeat(32) };

describe("BUDGET_DEFAULT_ESTIMATE_USD", () => {
  it("defaults to $1 and reads dollars", () => {
    expect(parseEnv(base).BUDGET_DEFAULT_ESTIMATE_USD).toBe(1);
    expect(parseEnv({ ...base, BUDGET_DEFAULT_ESTIMATE_USD: "" }).BUDGET_DEFAULT_ESTIMATE_USD).toBe(1);
    expect(parseEnv({ ...base, BUDGET_DEFAULT_ESTIMATE_USD: "0.25" }).BUDGET_DEFAULT_ESTIMATE_USD).toBe(0.25);
  });

  it("refuses what is not an amount, naming the variable", () => {
    for (const value of ["lots", "-1", "20000"]) {
      expect(() => parseEnv({ ...base, BUDGET_DEFAULT_ESTIMATE_USD: value })).toThrow(EnvError);
      expect(() => parseEnv({ ...base, BUDGET_DEFAULT_ESTIMATE_USD: value })).toThrow(/BUDGET_DEFAULT_ESTIMATE_USD/);
    }
  });
});
