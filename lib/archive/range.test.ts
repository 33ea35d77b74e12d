import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/archive/range";

describe("parseRange", () => {
  it("reads the three single-range forms, clamped to the object", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 });
  });

  it("ignores what it cannot serve as one part: the whole object is sent instead", () => {
    for (const header of [null, "", "bytes=-", "bytes=5-1", "bytes=1000-", "bytes=0-1,5-6", "items=0-1", "bytes=a-b"]) {
      expect(parseRange(header, 1000)).toBeNull();
    }
    expect(parseRange("bytes=0-0", 0)).toBeNull();
  });
});
