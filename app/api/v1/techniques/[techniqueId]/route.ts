import { getTechnique } from "@/lib/flora/reads";
import { techniqueParamsSchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/techniques/{techniqueId}: one technique with its input and output schema.
export const GET = route({ role: "viewer", params: techniqueParamsSchema }, async ({ params }) =>
  gatewayJson(await getTechnique(params.techniqueId)),
);
