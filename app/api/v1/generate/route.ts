import { clientIdempotencyKey } from "@/lib/gateway/client-idempotency-key";
import { withPollPath } from "@/lib/gateway/poll-url";
import { generateBodySchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";
import { launchRun } from "@/lib/launches/launch-service";
import { checkLaunchParams } from "@/lib/params/check-launch-params";

// POST /api/v1/generate: start a generation (members and admins), once per Idempotency-Key.
export const POST = route({ role: "member", body: generateBodySchema }, async ({ request, user, token, body }) => {
  await checkLaunchParams(body);
  const { response, replayed } = await launchRun({ kind: "generation", body }, { user, token }, clientIdempotencyKey(request));
  return gatewayJson(withPollPath(response), { headers: replayed ? { "idempotent-replayed": "true" } : {} });
});
