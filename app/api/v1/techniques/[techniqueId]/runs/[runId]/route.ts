import { getTechniqueRun } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/http/poll-url";
import { techniqueRunParamsSchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/techniques/{techniqueId}/runs/{runId}: one technique run, polls coalesced.
export const GET = route({ role: "viewer", params: techniqueRunParamsSchema }, async ({ params }) =>
  gatewayJson(withPollPath(await getTechniqueRun(params.techniqueId, params.runId), params.techniqueId)),
);
