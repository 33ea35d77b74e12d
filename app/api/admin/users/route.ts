import { byUser } from "@/lib/activity/user-changes";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { newUserBodySchema, publicUser, toApiError } from "@/lib/users/user-api";
import { addUser, listUsers } from "@/lib/users/users";

// GET /api/admin/users: every user (admins only).
export const GET = route({ role: "admin" }, async () => {
  const users = await listUsers(await getDb());
  return Response.json({ users: users.map(publicUser) });
});

// POST /api/admin/users: add a user with a password (admins only).
export const POST = route({ role: "admin", body: newUserBodySchema }, async ({ body, user: admin }) => {
  try {
    const user = await addUser(await getDb(), body, Date.now(), byUser(admin, "admin_api"));
    return Response.json({ user: publicUser(user) }, { status: 201 });
  } catch (error) {
    throw toApiError(error);
  }
});
