import { z } from "zod";
import { COLLECTION_NAME_MAX, COLLECTION_RUNS_MAX } from "@/lib/collections/collection-rules";
import { runIdSchema, techniqueIdSchema } from "@/lib/flora/request-schemas";

/** The collections API's input, parsed by route() before any handler runs. */

export const collectionNameSchema = z
  .string()
  .trim()
  .min(1, "a collection needs a name")
  .max(COLLECTION_NAME_MAX, `at most ${COLLECTION_NAME_MAX} characters`);

export const collectionIdSchema = z.string().regex(/^col_[A-Za-z0-9_-]{1,64}$/, "not a collection id");

export const collectionParamsSchema = z.object({ id: collectionIdSchema }).strict();
export const collectionRunParamsSchema = z.object({ id: collectionIdSchema, runId: runIdSchema }).strict();

export const nameBodySchema = z.object({ name: collectionNameSchema }).strict();

export const addRunsBodySchema = z
  .object({
    runs: z
      .array(z.object({ run_id: runIdSchema, technique_id: techniqueIdSchema.nullish() }).strict())
      .min(1, "name at least one run")
      .max(COLLECTION_RUNS_MAX, `at most ${COLLECTION_RUNS_MAX} runs`),
  })
  .strict();

export const moveBodySchema = z.object({ to: z.number().int().min(0).max(COLLECTION_RUNS_MAX) }).strict();
