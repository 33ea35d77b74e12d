import { getRun } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/http/poll-url";
import { runParamsSchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/runs/{runId}: one run's status and outputs, polls coalesced across watchers.
export const GET = route({ role: "viewer", params: runParamsSchema }, async ({ params }) =>
  gatewayJson(withPollPath(await getRun(params.runId))),
);
