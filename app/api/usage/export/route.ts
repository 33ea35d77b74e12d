import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { usageCsv, usageCsvFilename } from "@/lib/usage/csv";
import { loadUsageReport } from "@/lib/usage/load-usage";
import { usageQuerySchema } from "@/lib/usage/usage-query";

// GET /api/usage/export?month=2026-11&user=…: the same report as GET /api/usage, as a CSV download.
export const GET = route({ role: "viewer", query: usageQuerySchema }, async ({ user, query }) => {
  const report = await loadUsageReport(await getDb(), user, query);
  return new Response(usageCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${usageCsvFilename(report)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
