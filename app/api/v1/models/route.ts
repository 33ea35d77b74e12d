import { listModels } from "@/lib/flora/reads";
import { modelListQuerySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/models?type=…: the model catalogue (any signed-in user).
export const GET = route({ role: "viewer", query: modelListQuerySchema }, async ({ query }) =>
  gatewayJson({ models: await listModels(query.type) }),
);
