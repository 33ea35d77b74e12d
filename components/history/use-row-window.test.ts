import { describe, expect, it } from "vitest";
import { gridColumns } from "@/components/history/grid-columns";
import { buildOffsets, rowAt, rowRange, scrollTopToReveal } from "@/components/history/use-row-window";

const fixed = (count: number, height: number) => buildOffsets(count, () => undefined, height);

describe("buildOffsets", () => {
  it("adds measured heights, and the estimate for rows not measured yet", () => {
    const measured = new Map([
      [0, 120],
      [2, 64],
    ]);
    expect([...buildOffsets(4, (index) => measured.get(index), 100)]).toEqual([0, 120, 220, 284, 384]);
    expect([...buildOffsets(0, () => 1, 100)]).toEqual([0]);
  });
});

describe("rowAt", () => {
  it("finds the row under a point, clamped to the list", () => {
    const offsets = buildOffsets(3, (index) => [50, 150, 80][index], 0); // 0, 50, 200, 280
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 49.5)).toBe(0);
    expect(rowAt(offsets, 50)).toBe(1);
    expect(rowAt(offsets, 199)).toBe(1);
    expect(rowAt(offsets, 1_000)).toBe(2);
    expect(rowAt(offsets, -40)).toBe(0);
  });
});

describe("rowRange", () => {
  it("covers the rows on screen plus the overscan, clamped to the list", () => {
    expect(rowRange(fixed(10_000, 88), 0, 800, 6)).toEqual({ first: 0, last: 15 });
    // 8,800 px down: rows 100..109 are on screen (the 10th only partly).
    expect(rowRange(fixed(10_000, 88), 8_800, 800, 6)).toEqual({ first: 94, last: 115 });
    expect(rowRange(fixed(10_000, 88), 879_200, 800, 6)).toEqual({ first: 9_984, last: 9_999 });
  });

  it("follows rows of different heights", () => {
    // A stacked phone row is taller than a desktop one: 3 rows of 200 px, then rows of 80 px.
    const offsets = buildOffsets(100, (index) => (index < 3 ? 200 : 80), 0);
    expect(rowRange(offsets, 0, 500, 0)).toEqual({ first: 0, last: 2 });
    expect(rowRange(offsets, 600, 240, 0)).toEqual({ first: 3, last: 5 });
    expect(rowRange(offsets, 650, 240, 1)).toEqual({ first: 2, last: 7 });
  });

  it("starts at the top while the list is still below the screen's top, and is empty for no rows", () => {
    // The page's header and filters take the first 300 px of the screen.
    expect(rowRange(fixed(100, 100), -300, 800, 2)).toEqual({ first: 0, last: 6 });
    expect(rowRange(fixed(100, 100), -2_000, 800, 2)).toEqual({ first: 0, last: 2 });
    expect(rowRange(fixed(0, 88), 0, 800, 6)).toEqual({ first: 0, last: -1 });
    expect(rowRange(fixed(3, 88), 0, 800, 6)).toEqual({ first: 0, last: 2 });
  });

  it("keeps the on-screen row count bounded whatever the list length", () => {
    for (const count of [100, 2_000, 10_000, 1_000_000]) {
      const { first, last } = rowRange(fixed(count, 88), 44 * count, 800, 6);
      expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(800 / 88) + 1 + 12);
    }
  });
});

describe("scrollTopToReveal", () => {
  it("moves as little as possible to show a row, and not at all when it is shown", () => {
    expect(scrollTopToReveal(440, 528, 0, 800)).toBe(0);
    expect(scrollTopToReveal(792, 880, 0, 800)).toBe(80);
    expect(scrollTopToReveal(176, 264, 880, 800)).toBe(176);
  });

  it("shows a row's top when the row is taller than the screen", () => {
    expect(scrollTopToReveal(1_000, 2_000, 0, 800)).toBe(1_000);
  });
});

describe("gridColumns", () => {
  it("fits 240 px tiles with their gaps, and at least one", () => {
    expect(gridColumns(1_246)).toBe(4); // 4 × 240 + 3 × 12 = 996; 5 tiles need 1,248
    expect(gridColumns(1_248)).toBe(5);
    expect(gridColumns(358)).toBe(1);
    expect(gridColumns(0)).toBe(1);
  });
});
