import { describe, expect, it } from "vitest";
import { encodeActivityCursor } from "@/lib/activity/cursor";
import { activityExportQuerySchema, activityListQuerySchema, isTidyActivitySearch, parseActivityFilters, toSelection } from "@/lib/activity/query-schema";

const fieldsOf = (query: Record<string, string>) => {
  const result = activityListQuerySchema.safeParse(query);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("the API's activity query", () => {
  it("takes the filters, a cursor it made and a page size, with 50 by default", () => {
    const cursor = encodeActivityCursor({ at: 1_764_000_000_000, id: "0b7e5c3e-1f1a-4d5e-9c1b-2a3b4c5d6e7f" });
    expect(activityListQuerySchema.parse({ kind: "sign_in_failed", cursor, limit: "100" })).toEqual({
      kind: "sign_in_failed",
      cursor: { at: 1_764_000_000_000, id: "0b7e5c3e-1f1a-4d5e-9c1b-2a3b4c5d6e7f" },
      limit: 100,
    });
    expect(activityListQuerySchema.parse({}).limit).toBe(50);
  });

  it("refuses a forged, cut or foreign cursor", () => {
    const good = encodeActivityCursor({ at: 5, id: "abc" });
    for (const cursor of [
      "nope!",
      good.slice(0, -3),
      Buffer.from('{"at":5,"id":"abc"}').toString("base64url"),
      Buffer.from('[-1,"abc"]').toString("base64url"),
      Buffer.from('[5,""]').toString("base64url"),
      Buffer.from('[5.5,"abc"]').toString("base64url"),
      "x".repeat(300),
    ]) {
      expect({ cursor, fields: fieldsOf({ cursor }) }).toEqual({ cursor, fields: ["cursor"] });
    }
  });

  it("refuses bad dates, a range that ends before it starts, a limit over 100, unknown kinds and parameters", () => {
    expect(fieldsOf({ from: "2026-02-30" })).toEqual(["from"]);
    expect(fieldsOf({ to: "29/11/2026" })).toEqual(["to"]);
    expect(fieldsOf({ from: "2026-11-29T10:00:00" })).toEqual(["from"]); // a moment needs its zone
    expect(fieldsOf({ from: "2026-11-12", to: "2026-11-11" })).toEqual(["to"]);
    expect(fieldsOf({ from: "2026-11-11", to: "2026-11-11" })).toEqual([]);
    expect(fieldsOf({ limit: "101" })).toEqual(["limit"]);
    expect(fieldsOf({ limit: "0" })).toEqual(["limit"]);
    expect(fieldsOf({ kind: "everything" })).toEqual(["kind"]);
    expect(fieldsOf({ person: "ana@x.example" })).toEqual(["person"]);
    expect(fieldsOf({ page: "2" })).toEqual([""]);
    expect(activityExportQuerySchema.safeParse({ cursor: encodeActivityCursor({ at: 1, id: "a" }) }).success).toBe(false);
  });

  it("turns days into a range of UTC milliseconds, the last day included whole", () => {
    expect(toSelection({ from: "2026-11-10", to: "2026-11-10" })).toEqual({
      fromMs: Date.parse("2026-11-10T00:00:00Z"),
      toMs: Date.parse("2026-11-11T00:00:00Z"),
    });
  });
});

describe("the page's filters", () => {
  it("drops what does not parse, and a range that ends before it starts, and says when the URL needs tidying", () => {
    const person = "11111111-1111-4111-8111-111111111111";
    expect(parseActivityFilters({ person, kind: "launch", from: "2026-11-01", to: "" })).toEqual({ person, kind: "launch", from: "2026-11-01" });
    expect(parseActivityFilters({ kind: "nope", from: "2026-11-05", to: "2026-11-01" })).toEqual({});
    expect(parseActivityFilters({ kind: ["launch", "sign_in"] })).toEqual({ kind: "launch" });

    expect(isTidyActivitySearch({ kind: "launch" }, { kind: "launch" })).toBe(true);
    expect(isTidyActivitySearch({}, {})).toBe(true);
    expect(isTidyActivitySearch({ kind: "launch", person: "" }, { kind: "launch" })).toBe(false);
    expect(isTidyActivitySearch({ kind: ["launch", "sign_in"] }, { kind: "launch" })).toBe(false);
    expect(isTidyActivitySearch({ cursor: "x" }, {})).toBe(false);
  });
});
