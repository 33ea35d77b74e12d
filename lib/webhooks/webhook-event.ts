import { z } from "zod";
import { runIdSchema } from "@/lib/flora/request-schemas";

/**
 * A verified delivery's body (FLORA's WebhookEvent), checked before anything acts on it: a
 * valid signature says FLORA sent it, not that it is what the dashboard understands. Fields
 * FLORA may add later pass through unread.
 */
export const webhookEventSchema = z
  .object({
    id: z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, "must be a delivery id such as whd_…"),
    type: z.enum(["run.completed", "run.failed"]),
    api_version: z.string().max(50).optional(),
    created_at: z.number().optional(),
    data: z.object({
      run_id: runIdSchema,
      run_type: z.enum(["generation", "technique"]),
      workspace_id: z.string().max(200).optional(),
      status: z.enum(["completed", "failed"]),
      error_code: z.string().max(200).optional(),
      error_message: z.string().max(10_000).optional(),
    }),
  })
  .refine((event) => event.type === `run.${event.data.status}`, { path: ["type"], message: "does not match data.status" });

export type FloraWebhookEvent = z.infer<typeof webhookEventSchema>;
