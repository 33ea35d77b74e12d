/**
 * True when the browser reached the dashboard over https: the request itself, or the
 * TLS-terminating proxy in front of it saying so with X-Forwarded-Proto (its first entry is
 * the hop nearest the browser). next.config.mjs makes the same decision for API answers.
 */
export function servedOverHttps(url: URL | string, forwardedProto: string | null | undefined): boolean {
  if (new URL(url).protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
