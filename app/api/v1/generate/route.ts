import { clientIdempotencyKey } from "@/lib/http/client-idempotency-key";
import { withPollPath } from "@/lib/http/poll-url";
import { generateBodySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { launchRun } from "@/lib/launches/launch-service";
import { checkLaunchParams } from "@/lib/params/check-launch-params";

// POST /api/v1/generate: start a generation (members and admins), once per Idempotency-Key.
export const POST = route({ role: "member", body: generateBodySchema }, async ({ request, user, token, body }) => {
  await checkLaunchParams(body);
  const { response, replayed } = await launchRun({ kind: "generation", body }, { user, token }, clientIdempotencyKey(request));
  return gatewayJson(withPollPath(response), { headers: replayed ? { "idempotent-replayed": "true" } : {} });
});
