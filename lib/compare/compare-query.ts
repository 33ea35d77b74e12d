import { z } from "zod";
import { COMPARE_MAX, COMPARE_MIN } from "@/lib/collections/collection-rules";
import { runIdSchema, techniqueIdSchema } from "@/lib/flora/request-schemas";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * `/compare?runs=run_a,tech_x/run_b`: 2 to 4 runs, a generation by its id, a technique run
 * as `techniqueId/runId`. Parsed with zod, so a hand-edited address is refused with a reason.
 */
const refSchema = z.string().transform((item, context): RunRef => {
  const [first, second, ...rest] = item.split("/");
  const technique = second === undefined ? null : techniqueIdSchema.safeParse(first);
  const run = runIdSchema.safeParse(second ?? first);
  if (rest.length > 0 || !run.success || (technique && !technique.success)) {
    context.addIssue({ code: "custom", message: `“${item.slice(0, 80)}” is not a run id or techniqueId/runId` });
    return z.NEVER;
  }
  return { kind: technique ? "technique" : "generation", runId: run.data, techniqueId: technique?.data ?? null };
});

export const compareQuerySchema = z.object({
  runs: z
    .string()
    .max(1_000)
    .transform((value) => value.split(",").filter((item) => item !== ""))
    .pipe(z.array(refSchema).min(COMPARE_MIN, `compare needs at least ${COMPARE_MIN} runs`).max(COMPARE_MAX, `compare shows at most ${COMPARE_MAX} runs`))
    .refine((refs) => new Set(refs.map((ref) => ref.runId)).size === refs.length, "each run once"),
});
