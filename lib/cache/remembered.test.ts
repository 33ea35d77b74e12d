import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetRemembered, remembered } from "@/lib/cache/remembered";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(1_000_000);
});
afterEach(() => {
  forgetRemembered();
  vi.useRealTimers();
});

const at = (ms: number) => vi.setSystemTime(1_000_000 + ms);

describe("remembered", () => {
  it("loads once while fresh, shares the load, and loads again once stale", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([remembered("k", 1_000, load), remembered("k", 1_000, load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    at(999);
    expect(await remembered("k", 1_000, load)).toBe(1);
    at(1_001);
    expect(await remembered("k", 1_000, load)).toBe(2);
  });

  it("keeps each key's own freshness", async () => {
    let loads = 0;
    const load = async () => ++loads;
    await remembered("short", 100, load);
    await remembered("long", 60_000, load);
    at(101);
    expect(await remembered("short", 100, load)).toBe(3);
    expect(await remembered("long", 60_000, load)).toBe(2);
  });

  it("forgets a failed load so the next caller tries again, and shares the failure meanwhile", async () => {
    let attempts = 0;
    const failing = () => {
      attempts += 1;
      return Promise.reject(new Error("down"));
    };
    await expect(Promise.all([remembered("k", 60_000, failing), remembered("k", 60_000, failing)])).rejects.toThrow("down");
    expect(attempts).toBe(1);
    at(1);
    expect(await remembered("k", 60_000, async () => "up")).toBe("up");
  });

  it("keeps keys apart, and remembers a load that resolved to undefined", async () => {
    expect(await remembered("a", 60_000, async () => "A")).toBe("A");
    expect(await remembered("b", 60_000, async () => "B")).toBe("B");
    let loads = 0;
    const nothing = async () => {
      loads += 1;
      return undefined;
    };
    expect(await remembered("none", 60_000, nothing)).toBeUndefined();
    expect(await remembered("none", 60_000, nothing)).toBeUndefined();
    expect(loads).toBe(1);
  });

  it("is bounded: the least recently used keys are forgotten", async () => {
    let loads = 0;
    const load = async () => ++loads;
    await remembered("first", 60_000, load);
    for (let i = 0; i < 500; i += 1) await remembered(`other-${i}`, 60_000, async () => i);
    expect(await remembered("first", 60_000, load)).toBe(2);
  });
});
