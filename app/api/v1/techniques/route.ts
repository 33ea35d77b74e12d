import { listTechniques } from "@/lib/flora/reads";
import { techniqueListQuerySchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/techniques: the technique catalogue (any signed-in user).
export const GET = route({ role: "viewer", query: techniqueListQuerySchema }, async ({ query }) =>
  gatewayJson(await listTechniques(query)),
);
