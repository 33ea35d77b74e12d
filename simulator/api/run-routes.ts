import { z } from "zod";
import { notFound, validationError } from "../http/api-error";
import type { Route } from "../http/router";
import { USD_PER_CREDIT } from "../options";
import { applyOutputDirectives, readDirectives } from "../runs/prompt-directives";
import type { RunRecord } from "../runs/run-record";
import { snapshot } from "../runs/run-status";
import { runView, techniqueRunListItem } from "../runs/run-views";
import type { Handler } from "./api-types";
import { callbackUrlSchema } from "./generate-body";
import { idempotencyKeys, launchRun } from "./launch";
import { cursorKey, cursorSchema, enumSchema, idSchema, limitSchema, listMeta, parseOrThrow, parseQuery, statusSchema } from "./params";
import { resolveContext } from "./run-context";
import { techniqueInputProblems } from "./technique-inputs";

const required = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "Required" : message),
});

const createBodySchema = z.object(
  {
    inputs: z
      .array(
        z.object({
          id: z.string(required("Must be a string.")).min(1, "Must not be empty."),
          type: enumSchema(["text", "imageUrl", "videoUrl"]),
          value: z.string(required("Must be a string.")).max(10_000, "Must be at most 10000 characters."),
        }, required("Must be an object.")),
        required("Must be an array."),
      )
      .max(50, "At most 50 inputs."),
    mode: enumSchema(["async", "stream"]),
    callback_url: callbackUrlSchema,
    idempotency_key: z.string(required("Must be a string.")).min(1).max(255).optional(),
    // Not in the SDK's RunCreateParams: the simulator's way to say where the run lands.
    workspace_id: idSchema("ws_").optional(),
    project_id: idSchema("prj_").optional(),
  },
  { error: "Request body must be a JSON object." },
);

const techniqueParam = z.object({ techniqueId: idSchema("tech_") });

// POST /techniques/{techniqueId}/runs: mode "stream" is answered like "async" (see README).
const createTechniqueRun: Handler = async (request, sim) => {
  const { techniqueId } = parseOrThrow(techniqueParam, request.params);
  const entry = sim.findTechnique(techniqueId);
  if (!entry) throw notFound("Technique not found.");
  const body = parseOrThrow(createBodySchema, await request.json());
  const keys = idempotencyKeys(request, body.idempotency_key);
  const problems = techniqueInputProblems(entry.technique, body.inputs);
  if (problems.length > 0) throw validationError(problems);
  const context = resolveContext(sim, body.workspace_id, body.project_id);
  const texts = body.inputs.map((input) => input.value).join(" ");
  const directives = readDirectives(texts);
  const run = launchRun(sim, request.apiKey, {
    kind: "technique",
    context,
    techniqueId,
    cost: Math.round(entry.technique.run_cost * USD_PER_CREDIT * 10_000) / 10_000,
    outputs: applyOutputDirectives(entry.technique.outputs.map((output) => output.type), directives),
    text: `${entry.technique.name} (simulated) result for: ${texts}`,
    directives,
    ...(body.callback_url ? { callbackUrl: body.callback_url } : {}),
  }, keys);
  return { status: 200, body: runView(run, sim.now(), sim.publicUrl) };
};

const listQuery = z.object({
  workspace_id: idSchema("ws_").optional(),
  project_id: idSchema("prj_").optional(),
  technique_id: idSchema("tech_").optional(),
  status: statusSchema.optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});

// GET /technique-runs: newest first; each item names its technique.
const listTechniqueRuns: Handler = (request, sim) => {
  const q = parseQuery(listQuery, request.query);
  const now = sim.now();
  const matches = (run: RunRecord) =>
    (!q.workspace_id || run.workspaceId === q.workspace_id) &&
    (!q.project_id || run.projectId === q.project_id) &&
    (!q.technique_id || run.techniqueId === q.technique_id) &&
    (!q.status || snapshot(run, now).status === q.status);
  const page = sim.techniqueRuns.page(matches, cursorKey("technique_runs", q.cursor), q.limit);
  const nameOf = (run: RunRecord) => sim.findTechnique(run.techniqueId ?? "")?.technique.name ?? "";
  return {
    status: 200,
    body: {
      technique_runs: page.items.map((run) => techniqueRunListItem(run, now, sim.publicUrl, nameOf(run))),
      meta: listMeta(page.nextCursor, page.total),
    },
  };
};

// GET /techniques/{techniqueId}/runs/{runId}: 404 unless the run belongs to that technique.
const getTechniqueRun: Handler = (request, sim) => {
  const { techniqueId, runId } = parseOrThrow(techniqueParam.extend({ runId: idSchema("run_") }), request.params);
  const run = sim.techniqueRuns.get(runId);
  if (!run || run.techniqueId !== techniqueId) throw notFound("Run not found.");
  return { status: 200, body: runView(run, sim.now(), sim.publicUrl) };
};

// GET /runs/{runId}: generations and technique runs alike.
const getRun: Handler = (request, sim) => {
  const { runId } = parseOrThrow(z.object({ runId: idSchema("run_") }), request.params);
  const run = sim.findRun(runId);
  if (!run) throw notFound("Run not found.");
  return { status: 200, body: runView(run, sim.now(), sim.publicUrl) };
};

export const runRoutes: Route<Handler>[] = [
  { method: "GET", pattern: "/runs/:runId", handler: getRun },
  { method: "GET", pattern: "/technique-runs", handler: listTechniqueRuns },
  { method: "POST", pattern: "/techniques/:techniqueId/runs", handler: createTechniqueRun },
  { method: "GET", pattern: "/techniques/:techniqueId/runs/:runId", handler: getTechniqueRun },
];
