import { describe, expect, it } from "vitest";
import { compareQuerySchema } from "@/lib/compare/compare-query";
import { differingParams, diffWords } from "@/lib/compare/word-diff";

describe("diffWords", () => {
  it("marks the words that changed and keeps the rest", () => {
    expect(diffWords("a red mug on a table", "a blue mug on a wooden table")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "red " },
      { kind: "added", text: "blue " },
      { kind: "same", text: "mug on a " },
      { kind: "added", text: "wooden " },
      { kind: "same", text: "table" },
    ]);
  });

  it("gives back the new text from its same and added parts, and the old from same and removed", () => {
    const before = "studio photo,  soft light\nof a cat";
    const after = "studio photo of a dog, hard light";
    const parts = diffWords(before, after);
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text.trim()).join(" ").replace(/\s+/g, " ")).toBe(before.replace(/\s+/g, " "));
  });

  it("has no marks for equal prompts and one for an empty side", () => {
    expect(diffWords("same words", "same words")).toEqual([{ kind: "same", text: "same words" }]);
    expect(diffWords("", "new")).toEqual([{ kind: "added", text: "new" }]);
  });
});

describe("differingParams", () => {
  it("names params whose values differ, including one missing from a run", () => {
    expect([...differingParams([{ seed: 1, steps: 20, size: [1, 2] }, { seed: 2, steps: 20, size: [1, 2] }, { steps: 20, size: [1, 2], extra: true }])].sort()).toEqual(["extra", "seed"]);
    expect(differingParams([{ a: 1 }, { a: 1 }]).size).toBe(0);
  });
});

describe("compareQuerySchema", () => {
  it("reads generations and technique runs, 2 to 4, each once", () => {
    expect(compareQuerySchema.parse({ runs: "run_a,tech_x/run_b" }).runs).toEqual([
      { kind: "generation", runId: "run_a", techniqueId: null },
      { kind: "technique", runId: "run_b", techniqueId: "tech_x" },
    ]);
    for (const bad of ["run_a", "run_a,run_b,run_c,run_d,run_e", "run_a,run_a", "run_a,evil", "run_a,tech_x/run_b/x", "run_a,nope/run_b"]) {
      expect(compareQuerySchema.safeParse({ runs: bad }).success, bad).toBe(false);
    }
  });
});
