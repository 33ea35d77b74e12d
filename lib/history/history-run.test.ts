import { describe, expect, it } from "vitest";
import { generationSchema, techniqueRunSchema } from "@/lib/flora/schemas";
import { isActiveStatus as isActive } from "@/lib/flora/run-status";
import { generationToHistoryRun, runHref, pollPathOf, techniqueRunToHistoryRun } from "@/lib/history/history-run";

describe("history rows", () => {
  it("turns a generation into a row, seconds normalised to ms", () => {
    const run = generationToHistoryRun(
      generationSchema.parse({
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
      }),
    );
    expect(run).toEqual({
      runId: "run_a",
      kind: "generation",
      techniqueId: null,
      title: "t2i-flux-2-pro",
      modelId: "t2i-flux-2-pro",
      outputType: "Image",
      status: "completed",
      progress: 100,
      createdAt: 1_763_800_000_000,
      startedAt: null,
      completedAt: 1_763_800_012_000,
      costUsd: 0.04,
      workspaceId: "ws_1",
      projectId: "prj_1",
      outputs: [{ output_id: "o1", type: "imageUrl", url: "https://media.example/a.png" }],
      errorCode: null,
      errorMessage: null,
      prompt: null,
      launchedBy: null,
    });
    expect(runHref(run)).toBe("/runs/run_a");
    expect(pollPathOf(run)).toBe("/api/v1/runs/run_a");
  });

  it("turns a failed technique run into a row with its technique's links, clamping progress", () => {
    const run = techniqueRunToHistoryRun(
      techniqueRunSchema.parse({
        run_id: "run_b",
        technique_run_id: "run_b",
        technique: { technique_id: "tech_1", name: "Product shot" },
        status: "failed",
        progress: 140,
        created_at: 1_763_800_000_000,
        workspace_id: "ws_1",
        project_id: "prj_1",
        error_code: "provider_error",
        error_message: "The provider failed.",
      }),
    );
    expect(run).toMatchObject({ kind: "technique", title: "Product shot", progress: 100, errorCode: "provider_error", costUsd: null });
    expect(runHref(run)).toBe("/technique-runs/tech_1/run_b");
    expect(pollPathOf(run)).toBe("/api/v1/techniques/tech_1/runs/run_b");
  });

  it("knows which statuses still change", () => {
    expect(["pending", "running", "completed", "failed"].map((s) => isActive(s as never))).toEqual([true, true, false, false]);
  });
});
