import { afterEach, describe, expect, it } from "vitest";
import { forgetRemembered, remembered } from "@/lib/cache/remembered";

afterEach(forgetRemembered);

describe("remembered", () => {
  it("loads once while fresh, shares the load, and loads again once stale", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([remembered("k", 1_000, load, 0), remembered("k", 1_000, load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await remembered("k", 1_000, load, 999)).toBe(1);
    expect(await remembered("k", 1_000, load, 1_000)).toBe(2);
  });

  it("forgets a failed load so the next caller tries again", async () => {
    await expect(remembered("k", 60_000, () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await remembered("k", 60_000, async () => "up", 1)).toBe("up");
  });

  it("keeps keys apart", async () => {
    expect(await remembered("a", 60_000, async () => "A", 0)).toBe("A");
    expect(await remembered("b", 60_000, async () => "B", 0)).toBe("B");
  });
});
