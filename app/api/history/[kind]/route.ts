import { z } from "zod";
import { upstream } from "@/lib/gateway/guarded";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";
import { projectIdSchema, runStatusValues, techniqueIdSchema, workspaceIdSchema } from "@/lib/gateway/request-schemas";
import { HISTORY_PAGE_SIZE, loadHistoryPage } from "@/lib/history/load-history-page";

const params = z.object({ kind: z.enum(["generations", "technique-runs"]) }).strict();
const query = z
  .object({
    workspace: workspaceIdSchema.optional(),
    project: projectIdSchema.optional(),
    status: z.enum(runStatusValues).optional(),
    technique: techniqueIdSchema.optional(),
    cursor: z.string().min(1).max(1024).regex(/^[A-Za-z0-9_\-=+/.:~]+$/).optional(),
  })
  .strict();

// GET /api/history/{generations|technique-runs}: one page of the history list, with the
// prompt and launcher the local store knows (any signed-in user).
export const GET = route({ role: "viewer", params, query }, async ({ params, query }) => {
  const { cursor, ...filters } = query;
  const kind = params.kind === "generations" ? "generation" : "technique";
  if (kind === "generation") delete filters.technique;
  return gatewayJson(await upstream(loadHistoryPage(kind, filters, cursor, HISTORY_PAGE_SIZE)));
});
