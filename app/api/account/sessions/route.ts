import { byUser } from "@/lib/activity/user-changes";
import { forgetRememberedUsers } from "@/lib/auth/user-lookup";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { endSessions } from "@/lib/users/users";

// DELETE /api/account/sessions: "Sign out everywhere": every session of the signed-in
// teammate ends at once, on every device, this one included.
export const DELETE = route({ role: "viewer" }, async ({ user }) => {
  await endSessions(await getDb(), user.id, byUser(user, "account"));
  forgetRememberedUsers();
  log.info("signed out everywhere", { userId: user.id });
  return new Response(null, { status: 204 });
});
