import { describe, expect, it } from "vitest";
import { tsQuery } from "@/lib/search/ts-query";

describe("tsQuery", () => {
  it("ANDs quoted terms, the last one as a prefix", () => {
    expect(tsQuery("misty harbour")).toBe("'misty' & 'harbour':*");
    expect(tsQuery("  lighth ")).toBe("'lighth':*");
  });

  it("quotes tsquery syntax so it means only the characters typed", () => {
    expect(tsQuery("it's")).toBe("'it''s':*");
    expect(tsQuery("a\\b")).toBe("'a\\\\b':*");
    expect(tsQuery("neon & !city | x:* <-> (y)")).toBe("'neon' & '!city' & 'x:*' & '(y)':*");
  });

  it("holds nothing for text without a word, as the SQLite query", () => {
    expect(tsQuery("*** & |")).toBeNull();
    expect(tsQuery("")).toBeNull();
  });
});
