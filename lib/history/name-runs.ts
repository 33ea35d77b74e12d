import type { Model, Technique } from "@/lib/flora/schemas";
import { outputTypeOf, type HistoryRun } from "@/lib/history/history-run";

/**
 * Names a page of runs as the run page does: a generation by its model's catalogue name
 * ("FLUX.2 [pro]", not "t2i-flux-2-pro") and output type (the model's type, known before
 * any output exists); a technique run's output type from its technique's declared outputs.
 * What the catalogues do not know keeps the id and what the outputs say.
 */
export function nameHistoryRuns(
  runs: HistoryRun[],
  models: ReadonlyArray<Pick<Model, "model_id" | "name" | "type">> | null,
  techniques: ReadonlyMap<string, Pick<Technique, "outputs">>,
): HistoryRun[] {
  const byId = new Map(models?.map((model) => [model.model_id, model]));
  return runs.map((run) => {
    if (run.kind === "generation") {
      const model = run.modelId ? byId.get(run.modelId) : undefined;
      return model ? { ...run, title: model.name || run.title, outputType: outputTypeOf([model.type]) } : run;
    }
    const technique = run.techniqueId ? techniques.get(run.techniqueId) : undefined;
    const declared = technique ? outputTypeOf(technique.outputs.map((output) => output.type)) : null;
    return declared ? { ...run, outputType: declared } : run;
  });
}
