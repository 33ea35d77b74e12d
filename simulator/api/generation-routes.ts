import type { GenerationCreateResponse } from "@flora-ai/flora/resources/generations";
import { z } from "zod";
import { validationError } from "../http/api-error";
import type { Route } from "../http/router";
import { USD_PER_CREDIT } from "../options";
import { applyOutputDirectives, readDirectives } from "../runs/prompt-directives";
import type { OutputType, RunRecord } from "../runs/run-record";
import { snapshot } from "../runs/run-status";
import { generationListItem, pollUrl } from "../runs/run-views";
import { defaultModel, findModel, type Model } from "../seed/models";
import type { Handler } from "./api-types";
import { generateBodySchema, type GenerateBody } from "./generate-body";
import { idempotencyKeys, launchRun } from "./launch";
import { modelParamProblems } from "./model-params";
import { cursorKey, cursorSchema, idSchema, limitSchema, listMeta, parseOrThrow, parseQuery, statusSchema } from "./params";
import { resolveContext } from "./run-context";

function chooseModel(body: GenerateBody): Model {
  if (!body.model) return defaultModel(body.type);
  const model = findModel(body.model);
  if (!model) throw validationError([{ field: "model", message: `Unknown model "${body.model}".` }]);
  if (model.type !== body.type) {
    throw validationError([{ field: "model", message: `Model ${model.model_id} does not generate ${body.type}.` }]);
  }
  return model;
}

function baseOutputs(body: GenerateBody, model: Model): OutputType[] {
  if (body.type === "text") return ["text"];
  const declared = model.params.find((p) => p.name === "num_images")?.default;
  const count = body.type === "image" ? Number(body.params?.num_images ?? declared ?? 1) : 1;
  return Array.from({ length: count }, () => `${body.type}Url` as OutputType);
}

// POST /generate: answers 200 with the run pending; poll it via GET /runs/{runId}.
const createGeneration: Handler = async (request, sim) => {
  const keys = idempotencyKeys(request);
  const body = parseOrThrow(generateBodySchema, await request.json());
  const model = chooseModel(body);
  const problems = modelParamProblems(model, body.params ?? {});
  if (problems.length > 0) throw validationError(problems);
  const context = resolveContext(sim, body.workspace_id, body.project_id);
  const directives = readDirectives(body.prompt);
  const base = baseOutputs(body, model);
  const imageCount = base.filter((type) => type === "imageUrl").length || 1;
  const run = launchRun(sim, request.apiKey, {
    kind: "generation",
    context,
    modelId: model.model_id,
    cost: Math.round(model.estimated_credits * imageCount * USD_PER_CREDIT * 10_000) / 10_000,
    outputs: applyOutputDirectives(base, directives),
    text: `${model.name} (simulated) answering: ${body.prompt}`,
    directives,
    ...(body.callback_url ? { callbackUrl: body.callback_url } : {}),
  }, keys);
  const response: GenerationCreateResponse = {
    run_id: run.id,
    type: "generation",
    charged_cost: run.cost,
    estimated_seconds: Math.ceil(directives.runSeconds ?? sim.options.runSeconds),
    poll_url: pollUrl(run, sim.publicUrl),
    project_id: run.projectId,
    model: { model_id: model.model_id },
  };
  return { status: 200, body: response };
};

const listQuery = z.object({
  workspace_id: idSchema("ws_").optional(),
  project_id: idSchema("prj_").optional(),
  status: statusSchema.optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});

// GET /generations: newest first; unknown workspace/project ids simply match nothing.
const listGenerations: Handler = (request, sim) => {
  const q = parseQuery(listQuery, request.query);
  const now = sim.now();
  const matches = (run: RunRecord) =>
    (!q.workspace_id || run.workspaceId === q.workspace_id) &&
    (!q.project_id || run.projectId === q.project_id) &&
    (!q.status || snapshot(run, now).status === q.status);
  const page = sim.generations.page(matches, cursorKey("generations", q.cursor), q.limit);
  return {
    status: 200,
    body: {
      generations: page.items.map((run) => generationListItem(run, now, sim.publicUrl)),
      meta: listMeta(page.nextCursor, page.total),
    },
  };
};

export const generationRoutes: Route<Handler>[] = [
  { method: "POST", pattern: "/generate", handler: createGeneration },
  { method: "GET", pattern: "/generations", handler: listGenerations },
];
