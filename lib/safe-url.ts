/**
 * Output URLs come from the upstream and are untrusted: only absolute http(s) URLs may be
 * put into src or href. Anything else (javascript:, data:, relative paths) is refused.
 */
export function toSafeHttpUrl(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href;
}
