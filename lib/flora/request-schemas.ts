import { z } from "zod";
import { generationTypeSchema, runStatusSchema } from "@/lib/flora/schemas";
import { hasIdPrefix, hasSafeIdCharacters } from "@/lib/ids";

export { runStatusValues } from "@/lib/flora/schemas";

/**
 * What the gateway accepts, checked before anything goes upstream. Ids carry their prefix
 * and only letters, digits, `_` and `-`: no slash, dot or percent can reach a path.
 */

function prefixedId(prefix: string, what: string) {
  return z
    .string()
    .max(128, `must be a ${what} id`)
    .refine((value) => hasIdPrefix(value, prefix), `must be a ${what} id starting with ${prefix}`)
    .refine(hasSafeIdCharacters, "may contain only letters, digits, _ and -");
}

export const workspaceIdSchema = prefixedId("ws_", "workspace");
export const projectIdSchema = prefixedId("prj_", "project");
export const runIdSchema = prefixedId("run_", "run");
export const techniqueIdSchema = prefixedId("tech_", "technique");

/** Opaque, but printable and bounded; it travels in a query string, never a path. */
export const cursorSchema = z
  .string()
  .min(1, "must not be empty")
  .max(1024, "is too long")
  .regex(/^[A-Za-z0-9_\-=+/.:~]+$/, "is not a cursor this API gave out");

const limitSchema = z
  .string()
  .regex(/^\d+$/, "must be a whole number from 1 to 100")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be from 1 to 100").max(100, "must be from 1 to 100"));

const searchSchema = z.string().trim().min(1).max(200, "must be at most 200 characters");

export const generationListQuerySchema = z
  .object({
    workspace_id: workspaceIdSchema.optional(),
    project_id: projectIdSchema.optional(),
    status: runStatusSchema.optional(),
    cursor: cursorSchema.optional(),
    limit: limitSchema.optional(),
  })
  .strict();
export type GenerationListQuery = z.infer<typeof generationListQuerySchema>;

export const techniqueRunListQuerySchema = generationListQuerySchema
  .extend({ technique_id: techniqueIdSchema.optional() })
  .strict();
export type TechniqueRunListQuery = z.infer<typeof techniqueRunListQuerySchema>;

export const projectListQuerySchema = z
  .object({
    workspace_id: workspaceIdSchema,
    query: searchSchema.optional(),
    cursor: cursorSchema.optional(),
    limit: limitSchema.optional(),
  })
  .strict();

export const techniqueListQuerySchema = z
  .object({
    workspace_id: workspaceIdSchema.optional(),
    query: searchSchema.optional(),
    cursor: cursorSchema.optional(),
    limit: limitSchema.optional(),
  })
  .strict();

export const modelListQuerySchema = z.object({ type: generationTypeSchema.optional() }).strict();

export const runParamsSchema = z.object({ runId: runIdSchema }).strict();
export const techniqueParamsSchema = z.object({ techniqueId: techniqueIdSchema }).strict();
export const techniqueRunParamsSchema = z.object({ techniqueId: techniqueIdSchema, runId: runIdSchema }).strict();

export const MAX_PROMPT_LENGTH = 10_000;

/** A JSON object, not an array or null: FLORA's params are a map of name → value. */
const plainObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "must be an object",
);

/**
 * FLORA's `callback_url` is the dashboard's to set (PUBLIC_URL, lib/webhooks/config.ts): one
 * key serves the team, so a teammate's own URL would receive the team's signed webhooks, and
 * runs launched with it would not be settled by the dashboard's. Refused, never forwarded.
 */
const callbackUrlSchema = z.never({
  error: "is set by the dashboard (PUBLIC_URL), not by a client: leave it out",
});

const modelIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:/-]+$/, "must be a model id from GET /models");

export const generateBodySchema = z
  .object({
    type: generationTypeSchema,
    prompt: z
      .string()
      .refine((value) => value.trim().length > 0, "must not be empty")
      .refine((value) => value.length <= MAX_PROMPT_LENGTH, `must be at most ${MAX_PROMPT_LENGTH} characters`),
    workspace_id: workspaceIdSchema,
    project_id: projectIdSchema,
    model: modelIdSchema.optional(),
    params: plainObjectSchema.optional(),
    callback_url: callbackUrlSchema.optional(),
  })
  .strict();
export type GenerateBody = z.infer<typeof generateBodySchema>;

export const techniqueRunBodySchema = z
  .object({
    inputs: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            type: z.enum(["text", "imageUrl", "videoUrl"]),
            value: z.string().min(1, "must not be empty").max(MAX_PROMPT_LENGTH),
          })
          .strict(),
      )
      .min(1, "must hold at least one input")
      .max(50, "must hold at most 50 inputs"),
    mode: z.enum(["async", "stream"]).default("async"),
    callback_url: callbackUrlSchema.optional(),
    // Where the run is filed. Not in the SDK's RunCreateParams (FLORA files it by itself
    // when absent); passed on as sent, and recorded with the launch.
    workspace_id: workspaceIdSchema.optional(),
    project_id: projectIdSchema.optional(),
  })
  .strict();
export type TechniqueRunBody = z.infer<typeof techniqueRunBodySchema>;

/** A client's Idempotency-Key header: printable, bounded. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255, "must be at most 255 characters")
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");
