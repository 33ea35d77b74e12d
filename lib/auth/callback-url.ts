/**
 * Where to send someone after signing in: only a path and query on this site. An absolute
 * URL (or a protocol-relative `//host`) would be an open redirect, and even our own origin
 * spelled differently (127.0.0.1 vs localhost) lands on a site without the session cookie.
 */
export const DEFAULT_AFTER_SIGN_IN = "/generations";

export function safeCallbackPath(candidate: string | null | undefined): string {
  if (!candidate) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(candidate, "http://placeholder.invalid");
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // A relative candidate resolves onto the placeholder; anything else named another origin.
  if (url.origin !== "http://placeholder.invalid") {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  const path = `${url.pathname}${url.search}`;
  if (path === "/sign-in" || path.startsWith("/sign-in?") || path.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}

/** The sign-in address that brings the visitor back to `pathAndQuery` afterwards. */
export function signInPathFor(pathAndQuery: string): string {
  const target = safeCallbackPath(pathAndQuery);
  return target === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
}
