import { getTechnique } from "@/lib/flora/reads";
import { techniqueParamsSchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/techniques/{techniqueId}: one technique with its input and output schema.
export const GET = route({ role: "viewer", params: techniqueParamsSchema }, async ({ params }) =>
  gatewayJson(await getTechnique(params.techniqueId)),
);
