import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { signInPathFor } from "@/lib/auth/callback-url";
import { getAuthSecret } from "@/lib/auth/secret";
import { REQUEST_PATH_HEADER } from "@/lib/auth/session-header";

/**
 * Sends a signed-out visitor of any page to /sign-in with the page they asked for. It only
 * redirects: pages and every API route check the session themselves (CVE-2025-29927 showed
 * why a proxy must never be the only guard).
 */
export async function proxy(request: NextRequest) {
  const requested = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (!token) {
    return NextResponse.redirect(new URL(signInPathFor(requested), request.url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, requested);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Pages only: not the sign-in page, API routes, Next's assets or public files.
  matcher: ["/((?!sign-in|api/|_next/|favicon\\.ico|robots\\.txt|.*\\.(?:png|jpg|svg|webp|ico|txt|webm|wav|pdf)$).*)"],
};
