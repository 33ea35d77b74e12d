import { describe, expect, it } from "vitest";
import { nearestCap, percentUsed, usd, whose, type CapStanding } from "@/lib/budgets/warning-text";

const cap = (scope: CapStanding["scope"], ratio: number): CapStanding => ({ scope, cap: 100, spent: ratio * 100, left: Math.max(0, 100 - ratio * 100), ratio });

describe("the budget warning's wording", () => {
  it("warns about no cap below 80 %, and about the cap nearest its end at or past it", () => {
    expect(nearestCap([])).toBeNull();
    expect(nearestCap([cap("user", 0.79), cap("team", 0.5)])).toBeNull();
    expect(nearestCap([cap("user", 0.8)])?.scope).toBe("user");
    expect(nearestCap([cap("user", 0.85), cap("team", 0.95)])?.scope).toBe("team");
    expect(nearestCap([cap("user", 1.2), cap("team", 0.95)])?.scope).toBe("user");
  });

  it("rounds the share used and stops it at 100 %", () => {
    expect(percentUsed(cap("user", 0.854))).toBe(85);
    expect(percentUsed(cap("user", 0.855))).toBe(86);
    expect(percentUsed(cap("user", 3))).toBe(100);
  });

  it("names whose budget it is and writes dollars", () => {
    expect(whose(cap("user", 1))).toBe("your");
    expect(whose(cap("team", 1))).toBe("the team's");
    expect(usd(1234.5)).toBe("$1,234.50");
    expect(usd(12)).toBe("$12.00");
  });
});
