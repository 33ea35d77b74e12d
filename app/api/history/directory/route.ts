import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";
import { loadHistoryDirectory } from "@/lib/history/directory";

// GET /api/history/directory: names of workspaces, projects and techniques (any signed-in user).
export const GET = route({ role: "viewer" }, async () => gatewayJson(await loadHistoryDirectory()));
