import { describe, expect, it } from "vitest";
import { hasFilters, historySearch, parseHistoryFilters, toFloraQuery } from "@/lib/history/filters";

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
});
