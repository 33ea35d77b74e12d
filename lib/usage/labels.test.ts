import { describe, expect, it } from "vitest";
import { labelModelRows, labelProjectRows, type Catalogues } from "@/lib/usage/labels";

const figures = { runs: 1, spendUsd: 0.1, chargedUsd: 0.1, heldUsd: 0 };
const catalogues: Catalogues = {
  models: new Map([["t2i-flux-2-pro", "FLUX.2 [pro]"]]),
  techniques: new Map([["tech_upscale", "Upscale"]]),
  projects: new Map([["prj_a", "Spring campaign"]]),
};

describe("usage labels", () => {
  it("names models, techniques and projects as the history does, keeping ids the catalogues do not know", () => {
    const models = labelModelRows(
      ["t2i-flux-2-pro", "t2i-retired", "technique:tech_upscale", "technique:tech_gone", "unknown"].map((key) => ({ key, label: key, ...figures })),
      catalogues,
    );
    expect(models.map((row) => row.label)).toEqual(["FLUX.2 [pro]", "t2i-retired", "Technique: Upscale", "Technique: tech_gone", "Unknown model"]);
    const projects = labelProjectRows(["prj_a", "prj_gone", "unknown"].map((key) => ({ key, label: key, ...figures })), catalogues);
    expect(projects.map((row) => row.label)).toEqual(["Spring campaign", "prj_gone", "No project recorded"]);
  });
});
