import { listWorkspaces } from "@/lib/flora/reads";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/workspaces: FLORA's workspaces (any signed-in user).
export const GET = route({ role: "viewer" }, async () => gatewayJson({ workspaces: await listWorkspaces() }));
