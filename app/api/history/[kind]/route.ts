import { z } from "zod";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";
import {
  cursorSchema,
  projectIdSchema,
  runStatusValues,
  techniqueIdSchema,
  workspaceIdSchema,
} from "@/lib/gateway/request-schemas";
import { HISTORY_PAGE_SIZE, loadHistoryPage } from "@/lib/history/load-history-page";

const params = z.object({ kind: z.enum(["generations", "technique-runs"]) }).strict();
const query = z
  .object({
    workspace: workspaceIdSchema.optional(),
    project: projectIdSchema.optional(),
    status: z.enum(runStatusValues).optional(),
    technique: techniqueIdSchema.optional(),
    cursor: cursorSchema.optional(),
  })
  .strict();

// GET /api/history/{generations|technique-runs}: one page of the history list, with the
// prompt and launcher the local store knows (any signed-in user).
export const GET = route({ role: "viewer", params, query }, async ({ params, query }) => {
  const { cursor, ...filters } = query;
  const kind = params.kind === "generations" ? "generation" : "technique";
  return gatewayJson(await loadHistoryPage(kind, filters, cursor, HISTORY_PAGE_SIZE));
});
