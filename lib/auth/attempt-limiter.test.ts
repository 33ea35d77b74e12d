import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "@/lib/auth/attempt-limiter";

describe("AttemptLimiter", () => {
  it("blocks a key after its failures and forgives them as the window slides", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, () => now);
    const keys = ["email:ana@x.example", "ip:10.0.0.1"];
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.isBlocked(keys)).toBe(false);
      limiter.recordFailure(keys);
      now += 1_000;
    }
    expect(limiter.isBlocked(keys)).toBe(true);
    expect(limiter.retryAfterSeconds(keys)).toBe(57);
    now = 60_001;
    expect(limiter.isBlocked(keys)).toBe(false);
  });

  it("blocks one email from every address, and one address for every email", () => {
    const limiter = new AttemptLimiter(2);
    limiter.recordFailure(["email:ana@x.example", "ip:1"]);
    limiter.recordFailure(["email:ana@x.example", "ip:2"]);
    expect(limiter.isBlocked(["email:ana@x.example", "ip:3"])).toBe(true);
    expect(limiter.isBlocked(["email:bo@x.example", "ip:3"])).toBe(false);

    limiter.recordFailure(["email:c@x.example", "ip:9"]);
    limiter.recordFailure(["email:d@x.example", "ip:9"]);
    expect(limiter.isBlocked(["email:e@x.example", "ip:9"])).toBe(true);
  });
});
