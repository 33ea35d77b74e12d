/**
 * Whether next-auth set the `__Secure-` session cookie, so the proxy reads the same one it
 * wrote. next-auth decides from NEXTAUTH_URL when it is set, else from the request's origin
 * (AUTH_TRUST_HOST: X-Forwarded-Proto behind a proxy); getToken's own default looks only at
 * NEXTAUTH_URL, and without it missed every session made over https.
 */
export function usesSecureSessionCookie(nextAuthUrl: string | undefined, overHttps: boolean): boolean {
  if (nextAuthUrl) return nextAuthUrl.startsWith("https://");
  return overHttps;
}
