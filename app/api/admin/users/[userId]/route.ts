import { byUser } from "@/lib/activity/user-changes";
import { demoModeIsProven } from "@/lib/auth/demo-mode";
import { forgetRememberedUsers } from "@/lib/auth/user-lookup";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { route } from "@/lib/http/route";
import { publicUser, toApiError, userChangeBodySchema, userIdParamsSchema } from "@/lib/users/user-api";
import { disableUser, enableUser, findUserById, removeUser, setRole } from "@/lib/users/users";

async function existingUser(userId: string) {
  const user = await findUserById(await getDb(), userId);
  if (!user) throw new ApiError("not_found", "No such user.");
  return user;
}

// PATCH /api/admin/users/{userId}: change role and/or disable or enable (admins only).
export const PATCH = route(
  { role: "admin", params: userIdParamsSchema, body: userChangeBodySchema },
  async ({ params, body, user: admin }) => {
    const db = await getDb();
    const user = await existingUser(params.userId);
    // Each change records itself in the activity log, with this admin as who made it.
    const by = byUser(admin, "admin_api");
    try {
      if (body.role !== undefined) await setRole(db, user.email, body.role, by);
      if (body.disabled === true) await disableUser(db, user.email, Date.now(), by);
      // The demo admin's password is public: it can be switched on only on the demo itself.
      if (body.disabled === false) await enableUser(db, user.email, { allowDemo: user.is_demo === 1 && (await demoModeIsProven()) }, by);
    } catch (error) {
      throw toApiError(error);
    } finally {
      forgetRememberedUsers();
    }
    return Response.json({ user: publicUser(await existingUser(params.userId)) });
  },
);

// DELETE /api/admin/users/{userId}: remove a user; their launches stay on record (admins only).
export const DELETE = route({ role: "admin", params: userIdParamsSchema }, async ({ params, user: admin }) => {
  const user = await existingUser(params.userId);
  try {
    await removeUser(await getDb(), user.email, byUser(admin, "admin_api"));
  } catch (error) {
    throw toApiError(error);
  } finally {
    forgetRememberedUsers();
  }
  return new Response(null, { status: 204 });
});
