import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { signInPathFor } from "@/lib/auth/callback-url";
import { getAuthSecret } from "@/lib/auth/secret";
import { usesSecureSessionCookie } from "@/lib/auth/secure-session-cookie";
import { REQUEST_PATH_HEADER } from "@/lib/auth/session-header";
import { getEnv } from "@/lib/env";
import { createNonce, mediaSources, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import httpsHeaders from "@/lib/http/https-headers.json";
import { servedOverHttps } from "@/lib/http/served-over-https";

const SIGN_IN_PATH = "/sign-in";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: on the request, where Next
 * reads the nonce and puts it on its own scripts, and on the answer, for the browser. A
 * signed-out visitor of any page but /sign-in is sent to /sign-in with the page they asked
 * for. It only redirects: pages and every API route check the session themselves
 * (CVE-2025-29927 showed why a proxy must never be the only guard).
 */
export async function proxy(request: NextRequest) {
  const env = getEnv();
  const overHttps = servedOverHttps(request.url, request.headers.get("x-forwarded-proto"));
  const { pathname, search } = request.nextUrl;

  if (pathname !== SIGN_IN_PATH) {
    const secureCookie = usesSecureSessionCookie(env.NEXTAUTH_URL, overHttps);
    const token = await getToken({ req: request, secret: getAuthSecret(), secureCookie });
    if (!token) {
      const redirect = NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
      return withHttpsHeaders(redirect, overHttps);
    }
  }

  const policy = pageContentSecurityPolicy({
    nonce: createNonce(),
    mediaSources: mediaSources(env.MEDIA_HOSTS, env.FLORA_BASE_URL),
    development: env.NODE_ENV === "development",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  forwarded.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", policy);
  return withHttpsHeaders(response, overHttps);
}

function withHttpsHeaders(response: NextResponse, overHttps: boolean): NextResponse {
  if (overHttps) for (const [name, value] of Object.entries(httpsHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only, /sign-in included: not API routes, Next's assets or public files, nor public
  // links (/s/{token}: no session by design; they answer with their own headers and policy).
  matcher: ["/((?!api/|_next/|s/|favicon\\.ico|robots\\.txt|manifest\\.webmanifest|.*\\.(?:png|jpg|svg|webp|ico|txt|webm|wav|pdf)$).*)"],
};
