import { describe, expect, it } from "vitest";
import { dayOf, daysOf, monthLabel, monthOf, monthRange, monthSchema } from "@/lib/usage/month";

describe("UTC months", () => {
  it("starts a month at its first UTC millisecond and ends it at the next month's", () => {
    expect(monthRange("2026-11")).toEqual({ start: Date.parse("2026-11-01T00:00:00.000Z"), end: Date.parse("2026-12-01T00:00:00.000Z") });
    expect(monthRange("2026-12")).toEqual({ start: Date.parse("2026-12-01T00:00:00.000Z"), end: Date.parse("2027-01-01T00:00:00.000Z") });
  });

  it("files the last millisecond of a month in it and the next in the next month, whatever the local zone", () => {
    expect(monthOf(Date.parse("2026-10-31T23:59:59.999Z"))).toBe("2026-10");
    expect(monthOf(Date.parse("2026-11-01T00:00:00.000Z"))).toBe("2026-11");
    expect(dayOf(Date.parse("2026-11-01T00:00:00.000Z"))).toBe("2026-11-01");
    expect(dayOf(Date.parse("2026-11-30T23:59:59.999Z"))).toBe("2026-11-30");
  });

  it("lists every day of the month, leap February included", () => {
    expect(daysOf("2026-11")).toHaveLength(30);
    expect(daysOf("2028-02")).toHaveLength(29);
    expect(daysOf("2026-02").at(-1)).toBe("2026-02-28");
    expect(monthLabel("2026-11")).toBe("November 2026");
  });

  it("accepts only YYYY-MM", () => {
    expect(monthSchema.safeParse("2026-11").success).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "november"]) {
      expect(monthSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
