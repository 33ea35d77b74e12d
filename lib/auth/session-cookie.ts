/** next-auth's session cookie: `__Secure-` over HTTPS, plain otherwise. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The session token in a raw Cookie header, if any (cookie values here are URL-safe). */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const found = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) found.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return SESSION_COOKIE_NAMES.map((name) => found.get(name)).find(Boolean);
}
