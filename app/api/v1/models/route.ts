import { listModels } from "@/lib/flora/reads";
import { upstream } from "@/lib/gateway/guarded";
import { modelListQuerySchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/models?type=…: the model catalogue (any signed-in user).
export const GET = route({ role: "viewer", query: modelListQuerySchema }, async ({ query }) =>
  gatewayJson({ models: await upstream(listModels(query.type)) }),
);
