import { describe, expect, it } from "vitest";
import { parseCapInput } from "@/components/budgets/cap-amount";

describe("parseCapInput", () => {
  it("reads dollars, and none or nothing as no cap", () => {
    expect(parseCapInput("25")).toEqual({ ok: true, usd: 25 });
    expect(parseCapInput(" $12.50 ")).toEqual({ ok: true, usd: 12.5 });
    expect(parseCapInput("0")).toEqual({ ok: true, usd: 0 });
    expect(parseCapInput("None")).toEqual({ ok: true, usd: null });
    expect(parseCapInput("")).toEqual({ ok: true, usd: null });
  });

  it("refuses what is not an amount", () => {
    for (const text of ["-5", "ten", "1e3", "1,000", "2000000"]) expect(parseCapInput(text).ok, text).toBe(false);
  });
});
