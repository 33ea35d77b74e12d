import "server-only";
import { loadModels, loadTechnique } from "@/lib/flora/reads";
import { ApiError } from "@/lib/gateway/api-error";
import type { GenerateBody, TechniqueRunBody } from "@/lib/gateway/request-schemas";
import { log } from "@/lib/log";
import { paramProblems } from "@/lib/params/params-schema";
import { techniqueInputProblems } from "@/lib/params/technique-inputs";

/**
 * The gateway's second look at a launch's params, with the same schema the form uses:
 * bad params never cost an upstream call. It checks only what it can know: when the body
 * names a model the catalogue lists. Without a model FLORA picks one (and checks); when
 * the catalogue cannot be read, FLORA's own validation still stands.
 */
export async function checkLaunchParams(body: GenerateBody): Promise<void> {
  if (!body.model) return;
  const models = await loadModels().catch((error: unknown) => {
    log.warn("param check skipped: model catalogue unavailable", { reason: error instanceof Error ? error.message : String(error) });
    return null;
  });
  const model = models?.find((candidate) => candidate.model_id === body.model);
  if (!model) return;
  if (model.type !== body.type) {
    throw new ApiError("input_validation_error", "The model does not make this type of output.", [
      { field: "model", message: `${model.name} makes ${model.type}, not ${body.type}.` },
    ]);
  }
  const problems = paramProblems(model.params, body.params ?? {});
  if (problems.length > 0) throw new ApiError("input_validation_error", "Some parameters are not valid for this model.", problems);
}

/** The same look at a technique run's inputs, against the technique's declared inputs. */
export async function checkTechniqueInputs(techniqueId: string, body: TechniqueRunBody): Promise<void> {
  const technique = await loadTechnique(techniqueId).catch((error: unknown) => {
    log.warn("input check skipped: technique unavailable", { techniqueId, reason: error instanceof Error ? error.message : String(error) });
    return null;
  });
  if (!technique) return;
  const problems = techniqueInputProblems(technique, body.inputs);
  if (problems.length > 0) throw new ApiError("input_validation_error", "Some inputs are not valid for this technique.", problems);
}
