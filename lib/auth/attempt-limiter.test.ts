import { afterEach, describe, expect, it, vi } from "vitest";
import { memorySignInLimiter } from "@/lib/auth/attempt-limiter";

afterEach(() => vi.useRealTimers());

describe("memorySignInLimiter", () => {
  it("blocks a key after its failures, says for how long, and lets it try again after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    const limiter = memorySignInLimiter(3, 60);
    const keys = ["email:ana@x.example", "ip:10.0.0.1"];
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.blockedFor(keys)).toBe(0);
      await limiter.recordFailure(keys);
      vi.advanceTimersByTime(1_000);
    }
    expect(await limiter.blockedFor(keys)).toBe(57);
    vi.advanceTimersByTime(57_001);
    expect(await limiter.blockedFor(keys)).toBe(0);
  });

  it("blocks one email from every address, and one address for every email", async () => {
    const limiter = memorySignInLimiter(2);
    await limiter.recordFailure(["email:ana@x.example", "ip:1"]);
    await limiter.recordFailure(["email:ana@x.example", "ip:2"]);
    expect(await limiter.blockedFor(["email:ana@x.example", "ip:3"])).toBeGreaterThan(0);
    expect(await limiter.blockedFor(["email:bo@x.example", "ip:3"])).toBe(0);

    await limiter.recordFailure(["email:c@x.example", "ip:9"]);
    await limiter.recordFailure(["email:d@x.example", "ip:9"]);
    expect(await limiter.blockedFor(["email:e@x.example", "ip:9"])).toBeGreaterThan(0);
  });

  it("forgets a key on request, and forgets every key once its window has passed (memory stays bounded)", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    const limiter = memorySignInLimiter(1, 60);
    await limiter.recordFailure(["email:f@x.example"]);
    await limiter.forgive("email:f@x.example");
    expect(await limiter.blockedFor(["email:f@x.example"])).toBe(0);
    // A thousand distinct emails, as a spray of guesses would bring.
    for (let i = 0; i < 1_000; i += 1) await limiter.recordFailure([`email:spray-${i}@x.example`]);
    expect(await limiter.blockedFor(["email:spray-1@x.example"])).toBeGreaterThan(0);
    // rate-limiter-flexible's memory store drops each key with a timer at the end of its window.
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(1_000);
    vi.advanceTimersByTime(60_001);
    expect(vi.getTimerCount()).toBe(0);
    expect(await limiter.blockedFor(["email:spray-1@x.example"])).toBe(0);
  });
});
