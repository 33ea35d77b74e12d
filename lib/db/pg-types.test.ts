import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseStoreNumber, storeTypes } from "@/lib/db/pg-types";

describe("the store's Postgres type parsers", () => {
  it("read int8 (times, counts) and numeric (sums of bigints) as numbers", () => {
    expect(storeTypes.getTypeParser(20, "text")("1764374400000")).toBe(1_764_374_400_000);
    expect(storeTypes.getTypeParser(20, "text")("-42")).toBe(-42);
    expect(storeTypes.getTypeParser(1700, "text")("600000")).toBe(600_000);
    expect(storeTypes.getTypeParser(1700, "text")("0.25")).toBe(0.25);
  });

  it("leave every other type to pg's own parsers, and pg's global table untouched", () => {
    for (const oid of [16, 23, 25, 701, 1184]) expect(storeTypes.getTypeParser(oid, "text")).toBe(pg.types.getTypeParser(oid, "text"));
    // Nothing was set globally: a plain pg client still gets int8 as a string.
    expect(pg.types.getTypeParser(20, "text")("12")).toBe("12");
  });

  it("refuse to round a value past 2^53 silently", () => {
    expect(parseStoreNumber(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseStoreNumber("9223372036854775807")).toThrow(RangeError);
    expect(() => parseStoreNumber("NaN")).toThrow(RangeError);
  });
});
