import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { signInPathFor } from "@/lib/auth/callback-url";
import { getAuthOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { hasRole } from "@/lib/auth/roles";
import type { Role, User } from "@/lib/db/schema";
import { findUserById } from "@/lib/users/users";
import { REQUEST_PATH_HEADER } from "@/lib/auth/session-header";

/**
 * The signed-in user as the store knows them now: a valid session token is not enough if
 * the user was disabled or removed since, and the role is the current one, not the token's.
 */
export const getSessionUser = cache(async (): Promise<User | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  return user && user.disabled_at === null ? user : null;
});

/**
 * For pages: the user, or a redirect to sign-in that comes back to the page asked for.
 * Every page calls it, not only the layout: Next renders a layout and its page at the same
 * time, so a layout's redirect alone would not stop the page's own reads.
 */
export async function requirePageUser(requiredRole: Role = "viewer"): Promise<User> {
  const user = await getSessionUser();
  if (!user) {
    const requested = (await headers()).get(REQUEST_PATH_HEADER) ?? "/generations";
    redirect(signInPathFor(requested));
  }
  if (!hasRole(user.role, requiredRole)) forbidden();
  return user;
}
