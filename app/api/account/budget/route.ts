import { budgetStatus } from "@/lib/budgets/status";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

// GET /api/account/budget: this month's caps that apply to you, what is spent and what is left (any signed-in user).
export const GET = route({ role: "viewer" }, async ({ user }) =>
  Response.json(await budgetStatus(await getDb(), user.id), { headers: { "cache-control": "private, no-store" } }),
);
