import { describe, expect, it } from "vitest";
import { rowRange, scrollTopToReveal } from "@/components/history/use-row-window";

describe("rowRange", () => {
  it("covers the rows on screen plus the overscan, clamped to the list", () => {
    expect(rowRange(0, 800, 88, 10_000, 6)).toEqual({ first: 0, last: 15 });
    // 8,800 px down: rows 100..109 are on screen (the 10th only partly).
    expect(rowRange(8_800, 800, 88, 10_000, 6)).toEqual({ first: 94, last: 115 });
    expect(rowRange(879_200, 800, 88, 10_000, 6)).toEqual({ first: 9_984, last: 9_999 });
  });

  it("is empty for an empty list and never runs past a short one", () => {
    expect(rowRange(0, 800, 88, 0, 6)).toEqual({ first: 0, last: -1 });
    expect(rowRange(0, 800, 88, 3, 6)).toEqual({ first: 0, last: 2 });
  });

  it("keeps the on-screen row count bounded whatever the list length", () => {
    for (const count of [100, 2_000, 10_000, 1_000_000]) {
      const { first, last } = rowRange(44 * count, 800, 88, count, 6);
      expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(800 / 88) + 1 + 12);
    }
  });
});

describe("scrollTopToReveal", () => {
  it("moves as little as possible to show a row, and not at all when it is shown", () => {
    expect(scrollTopToReveal(5, 88, 0, 800)).toBe(0);
    expect(scrollTopToReveal(9, 88, 0, 800)).toBe(10 * 88 - 800);
    expect(scrollTopToReveal(2, 88, 880, 800)).toBe(176);
  });
});
