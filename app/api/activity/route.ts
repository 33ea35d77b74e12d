import { queryActivity } from "@/lib/activity/query";
import { activityListQuerySchema, toSelection } from "@/lib/activity/query-schema";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

// GET /api/activity?person=…&kind=…&from=…&to=…&cursor=…&limit=…: the activity log, newest
// first, a page at a time (admins only). A bad filter or cursor is a 400, never ignored.
export const GET = route({ role: "admin", query: activityListQuerySchema }, async ({ query }) => {
  const { cursor, limit, ...filters } = query;
  const page = await queryActivity(await getDb(), { ...toSelection(filters), cursor, limit });
  return Response.json(page, { headers: { "cache-control": "private, no-store" } });
});
