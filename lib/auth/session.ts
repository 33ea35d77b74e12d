import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { signInPathFor } from "@/lib/auth/callback-url";
import { getAuthSecret } from "@/lib/auth/secret";
import { SESSION_COOKIE_NAMES, sessionTokenFromCookieHeader } from "@/lib/auth/session-cookie";
import { claimsFromSessionToken } from "@/lib/auth/session-token";
import { sessionStillValid } from "@/lib/auth/session-memory";
import { demoModeIsProven } from "@/lib/auth/demo-mode";
import { hasRole } from "@/lib/auth/roles";
import type { Role, User } from "@/lib/db/schema";
import { lookUpUser } from "@/lib/auth/user-lookup";
import { REQUEST_PATH_HEADER } from "@/lib/auth/session-header";

/**
 * The signed-in user as the store knows them now: a valid session token is not enough if
 * the user was disabled or removed since, or their sessions were ended (the token's session
 * version is behind the user's), and the role is the current one, not the token's.
 */
export const getSessionUser = cache(async (): Promise<User | null> => {
  const jar = await cookies();
  return userFromSessionToken(SESSION_COOKIE_NAMES.map((name) => jar.get(name)?.value).find(Boolean));
});

/**
 * The same check from a request's Cookie header: route handlers have the request at hand,
 * and reading it directly spares Next's cookies() machinery on the gateway's hot path.
 */
export function getRequestUser(request: Request): Promise<User | null> {
  return userFromSessionToken(sessionTokenFromCookieHeader(request.headers.get("cookie")));
}

async function userFromSessionToken(token: string | undefined): Promise<User | null> {
  if (!token) return null;
  const claims = await claimsFromSessionToken(token, getAuthSecret());
  if (!claims) return null;
  const user = await lookUpUser(claims.uid);
  if (!sessionStillValid(user, claims)) return null;
  // A demo admin's cookie is worth nothing on an instance that is not the demo, whatever
  // the store says (a store may be shared with, or inherited from, a demo run).
  if (user.is_demo === 1 && !(await demoModeIsProven())) return null;
  return user;
}

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
