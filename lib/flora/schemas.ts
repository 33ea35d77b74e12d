import { z } from "zod";

/**
 * zod schemas of FLORA's payloads, as the SDK types them (the contract) and as
 * ../shared/flora-api.md warns they can arrive. Unknown fields are dropped, so a newer
 * FLORA can add fields without breaking us; wrong types are rejected, never passed on.
 */

import { runStatusValues } from "@/lib/flora/run-status";

export { runStatusValues };
export const runStatusSchema = z.enum(runStatusValues);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** FLORA documents milliseconds but may send seconds: anything before 1973 in ms is seconds. */
const SECONDS_THRESHOLD = 100_000_000_000;
export const timestampSchema = z
  .number()
  .finite()
  .nonnegative()
  .transform((value) => (value < SECONDS_THRESHOLD ? value * 1000 : value));

/** Progress is "a number": clamp to 0..100 rather than trusting it. */
export const progressSchema = z
  .number()
  .transform((value) => (Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0));

export const outputTypeSchema = z.enum(["imageUrl", "videoUrl", "audioUrl", "text", "documentUrl"]);
export type OutputType = z.infer<typeof outputTypeSchema>;

export const runOutputSchema = z.object({
  output_id: z.string().min(1),
  type: outputTypeSchema,
  /** A URL for media; the text itself for `text`. */
  url: z.string(),
});
export type RunOutput = z.infer<typeof runOutputSchema>;

const runFields = {
  run_id: z.string().min(1),
  status: runStatusSchema,
  progress: progressSchema,
  created_at: timestampSchema,
  started_at: timestampSchema.nullish(),
  completed_at: timestampSchema.nullish(),
  charged_cost: z.number().nonnegative().nullish(),
  error_code: z.string().nullish(),
  error_message: z.string().nullish(),
  outputs: z.array(runOutputSchema).nullish(),
  poll_url: z.string().nullish(),
};

/** GET /runs/{runId} and GET /techniques/{techniqueId}/runs/{runId}. */
export const runSchema = z.object(runFields);
export type Run = z.infer<typeof runSchema>;

export const listMetaSchema = z
  .object({
    next_cursor: z.string().nullish(),
    total_estimate: z.number().nullish(),
  })
  .default({});

export const generationSchema = z.object({
  ...runFields,
  generation_id: z.string().min(1),
  workspace_id: z.string().min(1),
  project_id: z.string().min(1),
  model: z.object({ model_id: z.string().nullable() }).nullish(),
});
export type Generation = z.infer<typeof generationSchema>;

export const generationPageSchema = z.object({
  generations: z.array(generationSchema),
  meta: listMetaSchema,
});
export type GenerationPage = z.infer<typeof generationPageSchema>;

export const techniqueRefSchema = z.object({
  technique_id: z.string().min(1),
  name: z.string(),
});

export const techniqueRunSchema = z.object({
  ...runFields,
  technique_run_id: z.string().min(1),
  workspace_id: z.string().min(1),
  project_id: z.string().min(1),
  technique: techniqueRefSchema,
});
export type TechniqueRun = z.infer<typeof techniqueRunSchema>;

export const techniqueRunPageSchema = z.object({
  technique_runs: z.array(techniqueRunSchema),
  meta: listMetaSchema,
});
export type TechniqueRunPage = z.infer<typeof techniqueRunPageSchema>;

export const workspaceSchema = z.object({
  workspace_id: z.string().min(1),
  name: z.string(),
  role: z.string(),
  created_at: timestampSchema.nullable(),
});
export type Workspace = z.infer<typeof workspaceSchema>;
export const workspaceListSchema = z.object({ workspaces: z.array(workspaceSchema) });

export const projectSchema = z.object({
  project_id: z.string().min(1),
  workspace_id: z.string().min(1),
  name: z.string(),
  created_at: timestampSchema,
  last_modified: timestampSchema.nullable(),
  origin: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectPageSchema = z.object({ projects: z.array(projectSchema), meta: listMetaSchema });

export const modelParamSchema = z.object({
  name: z.string().min(1),
  type: z.enum(["string", "string[]", "bool", "int", "int?", "seed", "float", "dict"]),
  required: z.boolean(),
  default: z.unknown().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z
    .array(z.object({ value: z.string(), label: z.string(), description: z.string().optional() }))
    .optional(),
  properties: z
    .record(z.string(), z.object({ default: z.number(), min: z.number(), max: z.number() }))
    .optional(),
});
export type ModelParam = z.infer<typeof modelParamSchema>;

export const generationTypeSchema = z.enum(["image", "video", "audio", "text"]);
export type GenerationType = z.infer<typeof generationTypeSchema>;

export const modelSchema = z.object({
  model_id: z.string().min(1),
  name: z.string(),
  provider: z.string(),
  type: generationTypeSchema,
  capabilities: z.array(z.string()),
  estimated_credits: z.number(),
  estimated_seconds: z.number(),
  beta: z.boolean().optional(),
  params: z.array(modelParamSchema),
});
export type Model = z.infer<typeof modelSchema>;
export const modelListSchema = z.object({ models: z.array(modelSchema) });

const techniqueIoSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  type: outputTypeSchema,
  description: z.string().optional(),
  optional: z.boolean().optional(),
  allow_multiple: z.boolean().optional(),
  accepts_element: z.boolean().optional(),
  specified_aspect_ratio: z.string().optional(),
  specified_duration: z.number().optional(),
});

export const techniqueSchema = z.object({
  technique_id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  run_cost: z.number(),
  inputs: z.array(techniqueIoSchema),
  outputs: z.array(techniqueIoSchema),
});
export type Technique = z.infer<typeof techniqueSchema>;
export const techniquePageSchema = z.object({ techniques: z.array(techniqueSchema), meta: listMetaSchema });

/** FLORA's error envelope, which the dashboard's own errors share. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** POST /generate's answer. */
export const generationCreateResponseSchema = z.object({
  run_id: z.string().min(1),
  type: z.enum(["generation", "technique", "action"]),
  charged_cost: z.number().nonnegative(),
  estimated_seconds: z.number().nullable(),
  poll_url: z.string().nullish(),
  project_id: z.string().nullish(),
  model: z.object({ model_id: z.string() }).nullish(),
  technique: techniqueRefSchema.nullish(),
  action: z.object({ action_id: z.string() }).nullish(),
});
export type GenerationCreateResponse = z.infer<typeof generationCreateResponseSchema>;
