import { describe, expect, it } from "vitest";
import { MAX_RESTORED_PAGES, placeKey, readPlace, writePlace } from "@/components/history/history-place";

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe("the history place", () => {
  it("is kept per kind and filters", () => {
    expect(placeKey("generation", {})).toBe("atelier.history.place:generation");
    expect(placeKey("generation", { status: "failed", workspace: "ws_a" })).toBe("atelier.history.place:generation?workspace=ws_a&status=failed");
    expect(placeKey("technique", {})).not.toBe(placeKey("generation", {}));
  });

  it("round-trips, and caps the pages to fetch again", () => {
    const storage = memoryStorage();
    const place = { anchorRunId: "run_a", anchorIndex: 140, anchorOffset: 12.5, selectedRunId: "run_b", pages: 3 };
    writePlace(storage, "k", place);
    expect(readPlace(storage, "k")).toEqual(place);
    writePlace(storage, "k", { ...place, pages: 500 });
    expect(readPlace(storage, "k")?.pages).toBe(MAX_RESTORED_PAGES);
  });

  it("ignores what does not parse, and a store that throws", () => {
    const storage = memoryStorage();
    expect(readPlace(storage, "missing")).toBeNull();
    for (const raw of ["not json", "null", "[]", '{"anchorIndex":-1}', '{"anchorRunId":1,"anchorIndex":0,"anchorOffset":0,"selectedRunId":null,"pages":1}']) {
      storage.items.set("k", raw);
      expect(readPlace(storage, "k")).toBeNull();
    }
    const throwing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); } };
    expect(readPlace(throwing, "k")).toBeNull();
    expect(() => writePlace(throwing, "k", { anchorRunId: null, anchorIndex: 0, anchorOffset: 0, selectedRunId: null, pages: 1 })).not.toThrow();
  });
});
