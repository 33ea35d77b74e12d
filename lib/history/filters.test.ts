import { describe, expect, it } from "vitest";
import { hasFilters, historySearch, isLaunchSearch, parseHistoryFilters, toFloraQuery } from "@/lib/history/filters";

describe("the history filter parser map", () => {
  it("reads every filter from a URL or from Next's searchParams object", () => {
    const fromUrl = parseHistoryFilters(
      new URLSearchParams("workspace=ws_a&project=prj_b&status=failed&technique=tech_c"),
      "technique",
    );
    expect(fromUrl).toEqual({ workspace: "ws_a", project: "prj_b", status: "failed", technique: "tech_c" });
    expect(parseHistoryFilters({ status: ["running", "failed"], workspace: "ws_a" }, "generation")).toEqual({
      status: "running",
      workspace: "ws_a",
    });
  });

  it("drops values that do not parse, and the technique on generations", () => {
    expect(
      parseHistoryFilters(new URLSearchParams("workspace=prj_x&status=done&project=../x&technique=tech_a"), "generation"),
    ).toEqual({});
  });

  it("writes filters back in a stable order, so equal filters make equal URLs", () => {
    expect(historySearch({ status: "failed", workspace: "ws_a" })).toBe("?workspace=ws_a&status=failed");
    expect(historySearch({})).toBe("");
    const filters = { workspace: "ws_a", project: "prj_b", status: "completed" as const };
    expect(parseHistoryFilters(new URLSearchParams(historySearch(filters).slice(1)), "generation")).toEqual(filters);
  });

  it("speaks FLORA's query names upstream", () => {
    expect(toFloraQuery({ workspace: "ws_a", technique: "tech_c", status: "pending" })).toEqual({
      workspace_id: "ws_a",
      technique_id: "tech_c",
      status: "pending",
    });
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ project: "prj_b" })).toBe(true);
  });

  it("reads the search text trimmed and bounded, and drops an empty one", () => {
    expect(parseHistoryFilters(new URLSearchParams("q=%20%20red%20fox%20"), "generation")).toEqual({ q: "red fox" });
    expect(parseHistoryFilters(new URLSearchParams("q=%20%20"), "generation")).toEqual({});
    expect(parseHistoryFilters({ q: "x".repeat(300) }, "technique").q).toHaveLength(200);
    // FTS syntax is just text in the URL; the server quotes it (lib/search/fts-query.ts).
    expect(parseHistoryFilters(new URLSearchParams('q="a" NEAR b*'), "generation")).toEqual({ q: '"a" NEAR b*' });
  });

  it("reads Launched by as me or a user id, never an email or anything else", () => {
    expect(parseHistoryFilters(new URLSearchParams("by=me"), "generation")).toEqual({ by: "me" });
    const id = "0b6f3c1e-8a2d-4c55-9d1e-2f0c7a9b1d44";
    expect(parseHistoryFilters(new URLSearchParams(`by=${id}`), "technique")).toEqual({ by: id });
    for (const bad of ["ana@atelier.test", "../x", "", "a b", "x".repeat(65)]) {
      expect(parseHistoryFilters(new URLSearchParams({ by: bad }), "generation"), bad).toEqual({});
    }
  });

  it("keeps search and launcher in the URL after the other filters, and marks the view a launch search", () => {
    expect(historySearch({ q: "red fox", by: "me", workspace: "ws_a" })).toBe("?workspace=ws_a&by=me&q=red+fox");
    const filters = { q: 'say "hi" & go', by: "me" };
    expect(parseHistoryFilters(new URLSearchParams(historySearch(filters).slice(1)), "generation")).toEqual(filters);
    expect(toFloraQuery({ q: "x", by: "me", workspace: "ws_a" })).toEqual({ workspace_id: "ws_a" });
    expect(hasFilters({ q: "x" })).toBe(true);
    expect(isLaunchSearch({ q: "x" })).toBe(true);
    expect(isLaunchSearch({ by: "me" })).toBe(true);
    expect(isLaunchSearch({ workspace: "ws_a", status: "failed" })).toBe(false);
  });
});
