import "server-only";
import type { Kysely } from "kysely";
import { canManageUsers } from "@/lib/auth/roles";
import type { Database, User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import type { UsageScope } from "@/lib/usage/report";

/**
 * Whose usage a viewer may see: everyone sees their own; an admin sees the whole team by
 * default and may pick any teammate. Asking for someone else's without being an admin is
 * refused (403), never quietly answered with your own.
 */
export async function resolveUsageScope(db: Kysely<Database>, viewer: User, requestedUserId: string | undefined): Promise<UsageScope> {
  const admin = canManageUsers(viewer.role);
  if (!requestedUserId) return admin ? { kind: "team" } : { kind: "user", userId: viewer.id, email: viewer.email };
  if (requestedUserId === viewer.id) return { kind: "user", userId: viewer.id, email: viewer.email };
  if (!admin) throw new ApiError("forbidden", "Only admins can see a teammate's usage; you can see your own.");
  const user = await db.selectFrom("users").select(["id", "email"]).where("id", "=", requestedUserId).executeTakeFirst();
  if (!user) throw new ApiError("not_found", "There is no teammate with that id.");
  return { kind: "user", userId: user.id, email: user.email };
}
