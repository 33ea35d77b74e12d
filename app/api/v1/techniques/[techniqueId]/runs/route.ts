import { launchRun } from "@/lib/launches/launch-service";
import { checkTechniqueInputs } from "@/lib/params/check-launch-params";
import { clientIdempotencyKey } from "@/lib/http/client-idempotency-key";
import { withPollPath } from "@/lib/http/poll-url";
import { techniqueParamsSchema, techniqueRunBodySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// POST /api/v1/techniques/{techniqueId}/runs: start a technique run (members and admins).
export const POST = route(
  { role: "member", params: techniqueParamsSchema, body: techniqueRunBodySchema },
  async ({ request, user, token, params, body }) => {
    await checkTechniqueInputs(params.techniqueId, body);
    const { response, replayed } = await launchRun(
      { kind: "technique", techniqueId: params.techniqueId, body },
      { user, token },
      clientIdempotencyKey(request),
    );
    return gatewayJson(withPollPath(response, params.techniqueId), {
      headers: replayed ? { "idempotent-replayed": "true" } : {},
    });
  },
);
