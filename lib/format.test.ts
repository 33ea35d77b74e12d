import { describe, expect, it } from "vitest";
import { formatAbsoluteTime, formatCost, formatDuration, formatLocalTime, formatRelativeTime } from "@/lib/format";

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe("formatRelativeTime", () => {
  it.each([
    [NOW - 5_000, "just now"],
    [NOW - 25_000, "25 seconds ago"],
    [NOW - 3 * 60_000, "3 minutes ago"],
    [NOW - 2 * 3_600_000, "2 hours ago"],
    [NOW - 24 * 3_600_000, "yesterday"],
    [NOW - 45 * 24 * 3_600_000, "last month"],
  ])("formats %d relative to now as %s", (timestamp, expected) => {
    expect(formatRelativeTime(timestamp, NOW)).toBe(expected);
  });

  it("never reads as the future: a time ahead of the viewer's clock is just now", () => {
    expect(formatRelativeTime(NOW + 2_000, NOW)).toBe("just now");
    expect(formatRelativeTime(NOW + 2 * 60_000, NOW)).toBe("just now");
  });
});

describe("formatLocalTime", () => {
  it("shows the time in the given zone with the zone's name", () => {
    expect(formatLocalTime(NOW, "America/New_York")).toBe("22 Nov 2026, 07:00:00 GMT-5");
    expect(formatLocalTime(NOW, "Asia/Kolkata")).toBe("22 Nov 2026, 17:30:00 GMT+5:30");
    expect(formatLocalTime(NOW, "UTC")).toBe("22 Nov 2026, 12:00:00 UTC");
  });
});

describe("formatAbsoluteTime", () => {
  it("shows date and time in UTC", () => {
    expect(formatAbsoluteTime(NOW)).toBe("22 Nov 2026, 12:00:00 UTC");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, 850, "850 ms"],
    [0, 4_200, "4.2 s"],
    [0, 185_000, "3 min 5 s"],
    [0, 7_800_000, "2 h 10 min"],
  ])("formats %d..%d as %s", (start, end, expected) => {
    expect(formatDuration(start, end)).toBe(expected);
  });

  it("is empty when an end is missing or before the start", () => {
    expect(formatDuration(1_000, undefined)).toBe("");
    expect(formatDuration(null, 5_000)).toBe("");
    expect(formatDuration(5_000, 1_000)).toBe("");
  });
});

describe("formatCost", () => {
  it("formats dollars with cents and keeps sub-cent precision", () => {
    expect(formatCost(1.5)).toBe("$1.50");
    expect(formatCost(0.0042)).toBe("$0.0042");
    expect(formatCost(0)).toBe("$0.00");
  });

  it("shows a dash when there is no cost", () => {
    expect(formatCost(undefined)).toBe("—");
    expect(formatCost(null)).toBe("—");
    expect(formatCost(Number.NaN)).toBe("—");
  });
});
