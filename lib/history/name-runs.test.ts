import { describe, expect, it } from "vitest";
import { generationSchema, techniqueRunSchema } from "@/lib/flora/schemas";
import { generationToHistoryRun, outputTypeOf, techniqueRunToHistoryRun } from "@/lib/history/history-run";
import { nameHistoryRuns } from "@/lib/history/name-runs";

const generation = (modelId: string | null) =>
  generationToHistoryRun(
    generationSchema.parse({
      run_id: `run_${modelId}`,
      generation_id: `run_${modelId}`,
      status: "running",
      progress: 10,
      created_at: 1_763_800_000_000,
      workspace_id: "ws_1",
      project_id: "prj_1",
      model: { model_id: modelId },
    }),
  );

const techniqueRun = techniqueRunToHistoryRun(
  techniqueRunSchema.parse({
    run_id: "run_t",
    technique_run_id: "run_t",
    technique: { technique_id: "tech_brand", name: "Brand kit" },
    status: "pending",
    progress: 0,
    created_at: 1_763_800_000_000,
    workspace_id: "ws_1",
    project_id: "prj_1",
  }),
);

describe("nameHistoryRuns", () => {
  it("names a generation by its model's catalogue name and type, as the run page does", () => {
    const [named] = nameHistoryRuns([generation("t2i-flux-2-pro")], [{ model_id: "t2i-flux-2-pro", name: "FLUX.2 [pro]", type: "image" }], new Map());
    expect(named).toMatchObject({ title: "FLUX.2 [pro]", modelId: "t2i-flux-2-pro", outputType: "Image" });
  });

  it("keeps the id when the catalogue does not know the model, or could not be read", () => {
    expect(nameHistoryRuns([generation("t2v-new")], [], new Map())[0]).toMatchObject({ title: "t2v-new", outputType: null });
    expect(nameHistoryRuns([generation("t2v-new")], null, new Map())[0]!.title).toBe("t2v-new");
    expect(nameHistoryRuns([generation(null)], [], new Map())[0]!.title).toBe("Unknown model");
  });

  it("gives a technique run its technique's declared output types", () => {
    const techniques = new Map([["tech_brand", { outputs: [{ id: "p", name: "Palette", type: "imageUrl" as const }, { id: "g", name: "Guidelines", type: "text" as const }] }]]);
    expect(nameHistoryRuns([techniqueRun], null, techniques)[0]).toMatchObject({ title: "Brand kit", outputType: "Image, text" });
  });
});

describe("outputTypeOf", () => {
  it("labels output and model types once each, the first capitalised", () => {
    expect(outputTypeOf(["videoUrl"])).toBe("Video");
    expect(outputTypeOf(["imageUrl", "imageUrl", "documentUrl"])).toBe("Image, document");
    expect(outputTypeOf([])).toBeNull();
  });
});
