import { getRun } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/gateway/poll-url";
import { runParamsSchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/runs/{runId}: one run's status and outputs, polls coalesced across watchers.
export const GET = route({ role: "viewer", params: runParamsSchema }, async ({ params }) =>
  gatewayJson(withPollPath(await getRun(params.runId))),
);
