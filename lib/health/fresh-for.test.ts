import { describe, expect, it } from "vitest";
import { freshFor } from "@/lib/health/fresh-for";

describe("freshFor", () => {
  it("reuses an answer for the ttl, then loads again", async () => {
    let clock = 0;
    let loads = 0;
    const get = freshFor(2_000, async () => ++loads, () => clock);
    expect(await get()).toBe(1);
    clock = 1_999;
    expect(await get()).toBe(1);
    clock = 2_000;
    expect(await get()).toBe(2);
    expect(loads).toBe(2);
  });

  it("shares one load among concurrent callers", async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const get = freshFor(2_000, async () => {
      loads++;
      await gate;
      return "report";
    });
    const answers = Promise.all(Array.from({ length: 100 }, () => get()));
    release();
    expect(await answers).toEqual(Array(100).fill("report"));
    expect(loads).toBe(1);
  });

  it("does not keep a failed load", async () => {
    let loads = 0;
    const get = freshFor(60_000, async () => {
      loads++;
      if (loads === 1) throw new Error("first fails");
      return "second";
    });
    await expect(get()).rejects.toThrow("first fails");
    expect(await get()).toBe("second");
  });
});
