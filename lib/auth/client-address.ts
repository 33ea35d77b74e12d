/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next's
 * server appends the socket address when there is no proxy). Earlier entries are whatever
 * the client claimed, so they are never trusted for rate limiting.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  const realIp = headers["x-real-ip"];
  return last ?? (typeof realIp === "string" ? realIp : "unknown");
}
