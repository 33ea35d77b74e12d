import { describe, expect, it } from "vitest";
import { backToHistoryHref, historyPathSchema } from "@/lib/runs/back-to-history";

const generation = { kind: "generation" } as const;
const technique = { kind: "technique" } as const;

describe("backToHistoryHref", () => {
  it("keeps a history path with its filters, from a relative `from` or an absolute Referer", () => {
    expect(backToHistoryHref(generation, "/generations?workspace=ws_a&status=failed")).toBe("/generations?workspace=ws_a&status=failed");
    expect(backToHistoryHref(technique, null, "http://127.0.0.1:3000/technique-runs?technique=tech_x")).toBe("/technique-runs?technique=tech_x");
    expect(backToHistoryHref(generation, ["/generations?project=prj_b", "/technique-runs"])).toBe("/generations?project=prj_b");
  });

  it("never leads off the site: the result is a relative path whatever the candidate's host", () => {
    expect(backToHistoryHref(generation, "https://evil.example/generations?status=failed")).toBe("/generations?status=failed");
    expect(backToHistoryHref(generation, "//evil.example/generations")).toBe("/generations");
  });

  it("falls back to the run's own history, unfiltered, for anything else", () => {
    for (const bad of [
      "javascript:alert(1)//generations",
      "/admin/users",
      "/generations/../admin",
      "/generationsx",
      "/runs/run_a",
      "generations",
      "/generations?<script>=1",
      `/generations?status=${"x".repeat(201)}`,
      "data:text/html,<b>x</b>",
      "",
    ]) {
      expect(backToHistoryHref(generation, bad), bad).toBe("/generations");
      expect(backToHistoryHref(technique, bad), bad).toBe("/technique-runs");
    }
    expect(backToHistoryHref(technique)).toBe("/technique-runs");
  });

  it("re-encodes the query it keeps", () => {
    expect(historyPathSchema.parse('/generations?status=a"b<c')).toBe("/generations?status=a%22b%3Cc");
  });
});
