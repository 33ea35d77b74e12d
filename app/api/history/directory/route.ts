import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { loadHistoryDirectory } from "@/lib/history/directory";

// GET /api/history/directory: names of workspaces, projects and techniques (any signed-in user).
export const GET = route({ role: "viewer" }, async () => gatewayJson(await loadHistoryDirectory()));
