import { z } from "zod";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import {
  cursorSchema,
  projectIdSchema,
  runStatusValues,
  techniqueIdSchema,
  workspaceIdSchema,
} from "@/lib/flora/request-schemas";
import { isLauncherValue } from "@/lib/history/filters";
import { loadHistoryList } from "@/lib/history/load-history-list";
import { SEARCH_MAX_LENGTH } from "@/lib/search/fts-query";

const params = z.object({ kind: z.enum(["generations", "technique-runs"]) }).strict();
const query = z
  .object({
    workspace: workspaceIdSchema.optional(),
    project: projectIdSchema.optional(),
    status: z.enum(runStatusValues).optional(),
    technique: techniqueIdSchema.optional(),
    // Prompt search: any text (it is quoted word by word before FTS5 sees it), bounded.
    q: z.string().trim().min(1, "must not be empty").max(SEARCH_MAX_LENGTH, `must be at most ${SEARCH_MAX_LENGTH} characters`).optional(),
    // "Launched by": me, or a teammate's user id (never an email).
    by: z.string().refine(isLauncherValue, "must be me or a user id").optional(),
    cursor: cursorSchema.optional(),
  })
  .strict();

// GET /api/history/{generations|technique-runs}: one page of the history list, with the
// prompt and launcher the local store knows; with q or by, the recorded launches that match
// (any signed-in user: the history, and so every teammate's launches, is shared by the team).
export const GET = route({ role: "viewer", params, query }, async ({ params, query, user }) => {
  const { cursor, ...filters } = query;
  const kind = params.kind === "generations" ? "generation" : "technique";
  return gatewayJson(await loadHistoryList(kind, filters, cursor, user.id));
});
