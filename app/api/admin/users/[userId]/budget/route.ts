import { byUser } from "@/lib/activity/user-changes";
import { capBodySchema } from "@/lib/budgets/caps";
import { changeBudget } from "@/lib/budgets/change-budget";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { route } from "@/lib/http/route";
import { userIdParamsSchema } from "@/lib/users/user-api";
import { findUserById } from "@/lib/users/users";

// PUT /api/admin/users/{userId}/budget: set a teammate's monthly cap in USD, or null to remove it (admins only).
export const PUT = route({ role: "admin", params: userIdParamsSchema, body: capBodySchema }, async ({ user: admin, params, body }) => {
  const db = await getDb();
  const user = await findUserById(db, params.userId);
  if (!user) throw new ApiError("not_found", "No such user.");
  const { to } = await changeBudget(db, { scope: user.id, email: user.email }, body.monthly_usd, byUser(admin, "admin_api"));
  return Response.json({ scope: "user", user_id: user.id, monthly_usd: to });
});
