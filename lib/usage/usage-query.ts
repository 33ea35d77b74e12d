import { z } from "zod";
import { monthSchema } from "@/lib/usage/month";

/**
 * The usage view's query, one parser for the page, GET /api/usage and the export:
 * `month` (default: the current UTC month) and `user` (a teammate's id; admins only, or
 * your own).
 */
export const usageQuerySchema = z
  .object({
    month: monthSchema.optional(),
    user: z.string().trim().min(1, "must be a user id").max(128, "must be a user id").optional(),
  })
  .strict();
export type UsageQuery = z.infer<typeof usageQuerySchema>;
