import { listProjects } from "@/lib/flora/reads";
import { projectListQuerySchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/projects?workspace_id=…: a workspace's projects (any signed-in user).
export const GET = route({ role: "viewer", query: projectListQuerySchema }, async ({ query }) =>
  gatewayJson(await listProjects(query)),
);
