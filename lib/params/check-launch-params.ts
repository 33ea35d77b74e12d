import "server-only";
import { loadModels, loadTechnique } from "@/lib/flora/reads";
import { ApiError } from "@/lib/errors/api-error";
import type { GenerateBody, TechniqueRunBody } from "@/lib/flora/request-schemas";
import { isUpstreamNotFound } from "@/lib/flora/call-policy";
import { log } from "@/lib/log";
import { paramProblems } from "@/lib/params/params-schema";
import { techniqueInputProblems } from "@/lib/params/technique-inputs";
import { urlParamProblems } from "@/lib/params/url-params";

/**
 * The gateway's second look at a launch's params, with the same schema the form uses:
 * bad params never cost an upstream call. It fails closed: a launch that names a model or
 * a technique whose schema cannot be read now is refused (503), never passed on unchecked,
 * and a model the catalogue does not list is a field error. A launch that names no model
 * lets FLORA pick one, and FLORA checks the params against its own choice; its URL-named
 * params (`*_url`, `*_urls`) are still checked here, since FLORA has no URL type to refuse them.
 */
export async function checkLaunchParams(body: GenerateBody): Promise<void> {
  const urls = urlParamProblems(body.params);
  if (urls.length > 0) throw new ApiError("input_validation_error", "URL parameters must be http(s) URLs.", urls);
  if (!body.model) return;
  const models = await loadModels().catch((error: unknown) => {
    log.warn("launch refused: model catalogue unavailable", { reason: error instanceof Error ? error.message : String(error) });
    throw schemaUnavailable("the model catalogue");
  });
  const model = models.find((candidate) => candidate.model_id === body.model);
  if (!model) {
    throw new ApiError("input_validation_error", "FLORA does not offer that model.", [
      { field: "model", message: `No model has the id ${body.model}; choose one from GET /models.` },
    ]);
  }
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
    // A technique FLORA does not have is the caller's mistake; anything else is ours to wait out.
    if (isUpstreamNotFound(error)) throw error.apiError;
    log.warn("launch refused: technique unavailable", { techniqueId, reason: error instanceof Error ? error.message : String(error) });
    throw schemaUnavailable("this technique's inputs");
  });
  const problems = techniqueInputProblems(technique, body.inputs);
  if (problems.length > 0) throw new ApiError("input_validation_error", "Some inputs are not valid for this technique.", problems);
}

function schemaUnavailable(what: string): ApiError {
  return new ApiError(
    "service_unavailable",
    `The dashboard could not read ${what} from FLORA, so it did not launch anything unchecked. Try again in a moment.`,
    undefined,
    { "retry-after": "5" },
  );
}
