import { describe, expect, it } from "vitest";
import { takeUserRequest, userRequestLimiter } from "@/lib/http/user-rate-limit";

describe("per-user request budget", () => {
  it("allows the budget per minute, then says how long to wait, per user", async () => {
    const limiter = userRequestLimiter(3)!;
    for (let i = 0; i < 3; i += 1) expect(await takeUserRequest(limiter, "ana")).toBe(0);
    const wait = await takeUserRequest(limiter, "ana");
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Another teammate has a budget of their own.
    expect(await takeUserRequest(limiter, "ben")).toBe(0);
  });

  it("is one budget for the process, shared by every caller that asks for it", () => {
    const first = userRequestLimiter(5);
    expect(userRequestLimiter()).toBe(first);
    expect(userRequestLimiter(5)).toBe(first);
  });
});
