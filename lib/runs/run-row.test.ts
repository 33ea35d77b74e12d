import { describe, expect, it } from "vitest";
import { generationSchema, techniqueRunSchema } from "@/lib/flora/schemas";
import { generationToRow, techniqueRunToRow, type NameLookup } from "@/lib/runs/run-row";

const names: NameLookup = {
  workspaceName: (id) => (id === "ws_1" ? "Studio" : undefined),
  projectName: (id) => (id === "prj_1" ? "Spring campaign" : undefined),
};

describe("run rows", () => {
  it("turns a generation into a row with names, seconds normalised to ms", () => {
    const generation = generationSchema.parse({
      run_id: "run_a",
      generation_id: "run_a",
      status: "completed",
      progress: 100,
      created_at: 1_763_800_000,
      completed_at: 1_763_800_012_000,
      workspace_id: "ws_1",
      project_id: "prj_1",
      charged_cost: 0.04,
      model: { model_id: "t2i-flux-2-pro" },
      outputs: [{ output_id: "o1", type: "imageUrl", url: "https://media.example/a.png" }],
    });
    expect(generationToRow(generation, names)).toEqual({
      runId: "run_a",
      kind: "generation",
      title: "t2i-flux-2-pro",
      status: "completed",
      progress: 100,
      createdAt: 1_763_800_000_000,
      startedAt: null,
      completedAt: 1_763_800_012_000,
      costUsd: 0.04,
      workspaceName: "Studio",
      projectName: "Spring campaign",
      outputs: [{ output_id: "o1", type: "imageUrl", url: "https://media.example/a.png" }],
      errorCode: null,
      errorMessage: null,
    });
  });

  it("turns a failed technique run into a row, keeping unknown ids and clamping progress", () => {
    const run = techniqueRunSchema.parse({
      run_id: "run_b",
      technique_run_id: "run_b",
      technique: { technique_id: "tech_1", name: "Product shot" },
      status: "failed",
      progress: 140,
      created_at: 1_763_800_000_000,
      workspace_id: "ws_unknown",
      project_id: "prj_unknown",
      error_code: "provider_error",
      error_message: "The provider failed.",
    });
    expect(techniqueRunToRow(run, names)).toMatchObject({
      kind: "technique",
      title: "Product shot",
      progress: 100,
      workspaceName: "ws_unknown",
      projectName: "prj_unknown",
      errorCode: "provider_error",
      errorMessage: "The provider failed.",
      outputs: [],
      costUsd: null,
    });
  });
});
