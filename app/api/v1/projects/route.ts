import { listProjects } from "@/lib/flora/reads";
import { projectListQuerySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/projects?workspace_id=…: a workspace's projects (any signed-in user).
export const GET = route({ role: "viewer", query: projectListQuerySchema }, async ({ query }) =>
  gatewayJson(await listProjects(query)),
);
