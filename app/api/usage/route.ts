import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { loadUsageReport } from "@/lib/usage/load-usage";
import { usageQuerySchema } from "@/lib/usage/usage-query";

// GET /api/usage?month=2026-11&user=…: the month's spend and runs (yours; the team's or a teammate's for admins).
export const GET = route({ role: "viewer", query: usageQuerySchema }, async ({ user, query }) => {
  const report = await loadUsageReport(await getDb(), user, query);
  return Response.json(report, { headers: { "cache-control": "no-store" } });
});
