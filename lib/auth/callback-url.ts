/**
 * Where to send someone after signing in: only a path and query on this site. An absolute
 * URL (or a protocol-relative `//host`) would be an open redirect, and even our own origin
 * spelled differently (127.0.0.1 vs localhost) lands on a site without the session cookie.
 *
 * The check is made on what the browser will request, not on the text as given: the URL
 * parser removes dot segments (`/.//x`, `/a/..//x`, `/%2e//x` all become `//x`) and drops
 * tabs and newlines (`/\t/x` becomes `//x`), and a server or proxy further on may decode
 * `%2f`, `%5c` or a double-encoded `%252e` once more. So every decoded form is normalised
 * and checked too, and backslashes and control characters are refused outright.
 */
export const DEFAULT_AFTER_SIGN_IN = "/generations";

const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";
// Longer than any link the dashboard makes; bounds the work below.
const MAX_CALLBACK_LENGTH = 2048;
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * One round of percent-decoding, byte by byte. It never throws on a stray `%`, and the
 * characters that matter here (`/`, `\`, `.`, controls) are all single bytes.
 */
function decodeOnce(value: string): string {
  return value.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The path and query the browser would request for `form`, or null when it leaves the site. */
function normalisedPath(form: string): string | null {
  if (!form.startsWith("/") || CONTROL_OR_BACKSLASH.test(form)) return null;
  let url: URL;
  try {
    url = new URL(form, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}`;
}

function isRefusedLanding(path: string): boolean {
  // The sign-in page would loop; an API route would land on JSON.
  return path === "/sign-in" || path.startsWith("/sign-in?") || path.startsWith("/api/");
}

export function safeCallbackPath(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > MAX_CALLBACK_LENGTH) return DEFAULT_AFTER_SIGN_IN;
  const target = normalisedPath(candidate);
  if (target === null || isRefusedLanding(target)) return DEFAULT_AFTER_SIGN_IN;
  // Each round shortens the text, so this ends; every decoded form must stay on the site.
  for (let form = candidate, decoded = decodeOnce(form); decoded !== form; form = decoded, decoded = decodeOnce(form)) {
    const path = normalisedPath(decoded);
    if (path === null || isRefusedLanding(path)) return DEFAULT_AFTER_SIGN_IN;
  }
  return target;
}

/**
 * next-auth's `redirect` callback: always an address on `baseUrl` (this site's origin).
 * The origin is cut off only when a slash follows it (`http://host:3000.evil.example` is
 * not ours); what remains goes through safeCallbackPath like any other candidate.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const path = url === baseUrl ? "/" : url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${safeCallbackPath(path)}`;
}

/** The sign-in address that brings the visitor back to `pathAndQuery` afterwards. */
export function signInPathFor(pathAndQuery: string): string {
  const target = safeCallbackPath(pathAndQuery);
  return target === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
}
