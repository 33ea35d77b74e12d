import { byUser } from "@/lib/activity/user-changes";
import { capBodySchema, TEAM_SCOPE } from "@/lib/budgets/caps";
import { changeBudget } from "@/lib/budgets/change-budget";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

// PUT /api/admin/budget: set the team's monthly cap in USD, or null to remove it (admins only).
export const PUT = route({ role: "admin", body: capBodySchema }, async ({ user: admin, body }) => {
  const { to } = await changeBudget(await getDb(), { scope: TEAM_SCOPE }, body.monthly_usd, byUser(admin, "admin_api"));
  return Response.json({ scope: "team", monthly_usd: to });
});
