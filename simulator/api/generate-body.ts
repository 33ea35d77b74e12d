import { z } from "zod";
import { callbackUrlProblem } from "./callback-url";
import { enumSchema, idSchema } from "./params";
import { GENERATION_TYPES } from "../runs/run-record";

const required = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "Required" : message),
});

export const callbackUrlSchema = z
  .string(required("Must be a string."))
  .superRefine((value, ctx) => {
    const problem = callbackUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .optional();

/** POST /generate, as the SDK's GenerationCreateParams describes it. */
export const generateBodySchema = z.object(
  {
    type: enumSchema(GENERATION_TYPES),
    prompt: z
      .string(required("Must be a string."))
      .max(10_000, "Must be at most 10000 characters.")
      .refine((value) => value.trim() !== "", "Must not be empty."),
    workspace_id: idSchema("ws_"),
    project_id: idSchema("prj_"),
    model: z.string(required("Must be a string.")).min(1, "Must not be empty.").optional(),
    params: z
      .record(z.string(), z.unknown(), required("Must be an object."))
      .refine((value) => !Array.isArray(value), "Must be an object.")
      .optional(),
    callback_url: callbackUrlSchema,
  },
  { error: "Request body must be a JSON object." },
);
export type GenerateBody = z.infer<typeof generateBodySchema>;
