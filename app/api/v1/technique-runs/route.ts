import { listTechniqueRuns } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/http/poll-url";
import { techniqueRunListQuerySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/technique-runs: technique-run history, newest first, FLORA's filters and cursors.
export const GET = route({ role: "viewer", query: techniqueRunListQuerySchema }, async ({ query }) => {
  const page = await listTechniqueRuns(query);
  return gatewayJson({
    technique_runs: page.technique_runs.map((run) => withPollPath(run, run.technique.technique_id)),
    meta: page.meta,
  });
});
