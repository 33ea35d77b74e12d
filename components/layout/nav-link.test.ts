import { describe, expect, it } from "vitest";
import { isCurrentSection } from "@/components/layout/nav-link";

describe("where the navigation says you are", () => {
  it("marks a section on its page and the pages under it", () => {
    expect(isCurrentSection("/generations", "/generations")).toBe(true);
    expect(isCurrentSection("/techniques/tech_prodshot", "/techniques")).toBe(true);
    expect(isCurrentSection("/technique-runs/tech_a/run_1", "/technique-runs")).toBe(true);
  });

  it("does not mistake a sibling that shares a prefix", () => {
    expect(isCurrentSection("/technique-runs", "/techniques")).toBe(false);
    expect(isCurrentSection("/generations-old", "/generations")).toBe(false);
  });

  it("counts a run page as the history's", () => {
    expect(isCurrentSection("/runs/gen_1", "/generations", ["/runs"])).toBe(true);
    expect(isCurrentSection("/runs/gen_1", "/technique-runs")).toBe(false);
  });
});
