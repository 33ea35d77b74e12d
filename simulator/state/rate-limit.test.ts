import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows the limit per sliding minute on the simulator's clock, and says how long to wait", () => {
    let now = 1_700_000_000_000;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take("sk_a")).toBe(0);
    now += 10_000;
    expect(limiter.take("sk_a")).toBe(0);
    expect(limiter.take("sk_a")).toBe(50);
    // Another key has its own window.
    expect(limiter.take("sk_b")).toBe(0);
    now += 50_001;
    // The first hit has left the window; the second has not.
    expect(limiter.take("sk_a")).toBe(0);
    expect(limiter.take("sk_a")).toBe(10);
  });

  it("is off at a limit of 0", () => {
    const limiter = new RateLimiter(0, () => 1_700_000_000_000);
    for (let i = 0; i < 100; i += 1) expect(limiter.take("sk_a")).toBe(0);
  });
});
