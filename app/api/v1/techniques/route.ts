import { listTechniques } from "@/lib/flora/reads";
import { techniqueListQuerySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/techniques: the technique catalogue (any signed-in user).
export const GET = route({ role: "viewer", query: techniqueListQuerySchema }, async ({ query }) =>
  gatewayJson(await listTechniques(query)),
);
