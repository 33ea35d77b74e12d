import { getTechniqueRun } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/gateway/poll-url";
import { techniqueRunParamsSchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/techniques/{techniqueId}/runs/{runId}: one technique run, polls coalesced.
export const GET = route({ role: "viewer", params: techniqueRunParamsSchema }, async ({ params }) =>
  gatewayJson(withPollPath(await getTechniqueRun(params.techniqueId, params.runId), params.techniqueId)),
);
