import { describe, expect, it } from "vitest";
import { creditsToUsd, formatCredits, formatCreditsAsUsd, formatUsd, plural, techniqueCostUsd, USD_PER_CREDIT } from "@/lib/money";

describe("money", () => {
  it("turns credits into dollars at one cent a credit, without float dust", () => {
    expect(USD_PER_CREDIT).toBe(0.01);
    expect(creditsToUsd(8)).toBe(0.08);
    expect(creditsToUsd(32)).toBe(0.32);
    expect(creditsToUsd(0.5)).toBe(0.005);
    expect(creditsToUsd(3 * 0.1 * 10)).toBe(0.03);
    expect(techniqueCostUsd(20)).toBe(0.2);
  });

  it("shows dollars with cents, more digits only below a cent, and a dash for no figure", () => {
    expect(formatUsd(0.32)).toBe("$0.32");
    expect(formatUsd(0.9)).toBe("$0.90");
    expect(formatUsd(0.005)).toBe("$0.005");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(null)).toBe("—");
    expect(formatUsd(Number.NaN)).toBe("—");
  });

  it("says credits with the right plural", () => {
    expect(formatCredits(1)).toBe("1 credit");
    expect(formatCredits(0)).toBe("0 credits");
    expect(formatCredits(8)).toBe("8 credits");
    expect(formatCredits(1.5)).toBe("1.5 credits");
    expect(formatCredits(1500)).toBe("1,500 credits");
    expect(formatCreditsAsUsd(32)).toBe("$0.32 (32 credits)");
    expect(formatCreditsAsUsd(1)).toBe("$0.01 (1 credit)");
  });

  it("pluralises any noun by its number", () => {
    expect(plural(1, "image")).toBe("1 image");
    expect(plural(4, "image")).toBe("4 images");
    expect(plural(1, "second")).toBe("1 second");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
