import { describe, expect, it } from "vitest";
import { loggedRead as read } from "./logged-request.fixture";
import { pollFigures } from "./upstream";
import { homeOf } from "./viewers";

describe("pollFigures", () => {
  it("counts each run's upstream reads inside the window only, per second", () => {
    const log = [
      read("run_a", 999), // before the window
      read("run_a", 1_000),
      read("run_a", 2_100),
      read("run_a", 3_200),
      read("run_b", 1_500),
      read("run_a", 11_000), // at the window's end: excluded
      read("run_a", 2_500, { method: "POST" }),
      read("run_a", 2_600, { path: "/api/v1/runs/run_a/extra" }),
      read("run_c", 2_700), // not a watched run
    ];
    const figures = pollFigures(log, ["run_a", "run_b"], 1_000, 11_000);
    expect(figures.reads).toBe(4);
    expect(figures.maxPerRunPerSecond).toBeCloseTo(0.3);
    expect(figures.meanPerRunPerSecond).toBeCloseTo(0.2);
    expect(figures.readsUnderOneSecondApart).toBe(0);
    expect(figures.shortestGapMs).toBe(1_100);
  });

  it("reports two reads of one run under a second apart, with when they happened", () => {
    const figures = pollFigures([read("run_a", 1_000), read("run_a", 1_008), read("run_b", 1_004)], ["run_a", "run_b"], 0, 10_000);
    expect(figures.readsUnderOneSecondApart).toBe(1);
    expect(figures.shortestGapMs).toBe(8);
    expect(figures.closeReads).toEqual([{ runId: "run_a", at: 1_008, gapMs: 8 }]);
  });

  it("has no gap when no run was read twice", () => {
    expect(pollFigures([read("run_a", 5)], ["run_a"], 0, 1_000).shortestGapMs).toBeNull();
  });
});

describe("homeOf", () => {
  it("splits 100 viewers of 20 runs 50/50 and has every run watched through both instances", () => {
    const homes = Array.from({ length: 100 }, (_, index) => homeOf(index, 20, 2));
    expect(homes.filter((home) => home === 0)).toHaveLength(50);
    for (let run = 0; run < 20; run += 1) {
      const watchers = homes.filter((_, index) => index % 20 === run);
      expect(new Set(watchers)).toEqual(new Set([0, 1]));
    }
  });

  it("puts everyone on the one instance when there is one", () => {
    expect(new Set(Array.from({ length: 30 }, (_, index) => homeOf(index, 20, 1)))).toEqual(new Set([0]));
  });
});
