import { activityCsv, textStream } from "@/lib/activity/export";
import { activityExportQuerySchema, toSelection } from "@/lib/activity/query-schema";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

// GET /api/activity/export?person=…&kind=…&from=…&to=…: every entry the filters match, as
// CSV, newest first (admins only). Streamed a page at a time, so there is no cap to note.
export const GET = route({ role: "admin", query: activityExportQuerySchema }, async ({ query }) => {
  const db = await getDb();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(textStream(activityCsv(db, toSelection(query))), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="atelier-activity-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
