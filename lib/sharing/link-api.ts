import { z } from "zod";
import { ApiError } from "@/lib/errors/api-error";
import { runIdSchema, techniqueIdSchema } from "@/lib/flora/request-schemas";
import { ShareError } from "@/lib/sharing/share-error";

/** POST /api/share-links: what to share, for 1, 7 or 30 days; the prompt stays hidden unless asked. */
export const newLinkBodySchema = z
  .object({
    subject: z.discriminatedUnion(
      "kind",
      [
        z.object({ kind: z.literal("run"), run_id: runIdSchema, technique_id: techniqueIdSchema.optional() }).strict(),
        z
          .object({
            kind: z.literal("collection"),
            collection_id: z
              .string()
              .min(1, "is required")
              .max(100, "is too long")
              .regex(/^[A-Za-z0-9_-]+$/, "is not a collection id"),
          })
          .strict(),
      ],
      { error: 'must be { kind: "run", run_id } or { kind: "collection", collection_id }' },
    ),
    expires_days: z.union([z.literal(1), z.literal(7), z.literal(30)], { error: "must be 1, 7 or 30" }),
    show_prompt: z.boolean().optional(),
  })
  .strict();
export type NewLinkBody = z.infer<typeof newLinkBodySchema>;

/** GET /api/share-links[?all=1]: one's own, or (admins) everyone's. */
export const listLinksQuerySchema = z.object({ all: z.enum(["0", "1"], { error: "must be 0 or 1" }).optional() }).strict();

export const linkIdParamsSchema = z.object({ linkId: z.uuid({ error: "is not a link id" }) }).strict();

/** The sharing rules' refusals, in the API's envelope. */
export function shareApiError(error: unknown): unknown {
  if (!(error instanceof ShareError)) return error;
  const fields = error.field ? [{ field: error.field, message: error.message }] : undefined;
  switch (error.code) {
    case "invalid_input":
      return new ApiError("input_validation_error", error.message, fields);
    case "forbidden":
      return new ApiError("forbidden", error.message);
    case "not_found":
      return new ApiError("not_found", error.message);
  }
}
