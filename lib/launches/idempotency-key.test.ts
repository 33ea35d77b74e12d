import { describe, expect, it } from "vitest";
import { upstreamIdempotencyKey, withKeyLock } from "@/lib/launches/idempotency-key";

describe("upstreamIdempotencyKey", () => {
  it("is stable for one user's key and differs between users", () => {
    const ana = upstreamIdempotencyKey("user-ana", "submit-1");
    expect(upstreamIdempotencyKey("user-ana", "submit-1")).toBe(ana);
    expect(upstreamIdempotencyKey("user-bo", "submit-1")).not.toBe(ana);
    expect(ana).toMatch(/^atl_[0-9a-f]{48}$/);
  });

  it("makes a fresh key when the client gave none", () => {
    expect(upstreamIdempotencyKey("user-ana", undefined)).not.toBe(upstreamIdempotencyKey("user-ana", undefined));
  });
});

describe("withKeyLock", () => {
  it("runs tasks with one key one at a time, and others freely", async () => {
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      withKeyLock("k", task("a", 20)),
      withKeyLock("k", task("b", 1)),
      withKeyLock("other", task("c", 1)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events.indexOf("end a")).toBeLessThan(events.indexOf("start b"));
    expect(events.indexOf("start c")).toBeLessThan(events.indexOf("end a"));
  });

  it("lets the next task run after one fails", async () => {
    await expect(withKeyLock("k2", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await withKeyLock("k2", async () => "yes")).toBe("yes");
  });
});
