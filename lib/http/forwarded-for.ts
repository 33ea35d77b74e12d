import ipaddr from "ipaddr.js";

/**
 * Who is on the other end of a request. X-Forwarded-For is whatever the client and every
 * proxy on the way wrote, so only the entries that the operator's own proxies appended can
 * be believed: with `trustedHops` proxies in front (TRUSTED_PROXY_HOPS), the client is the
 * Nth address from the right. With 0 the header is ignored and the socket's address is the
 * client's. The production server (scripts/serve.ts) runs this before Next sees the request
 * and overwrites the header with the one answer, so nothing downstream can be fooled.
 */

/** A canonical address (IPv4-mapped IPv6 as plain IPv4), or null when it is not one. */
export function canonicalAddress(value: string | undefined | null): string | null {
  const text = value?.trim().replace(/^\[(.*)\]$/, "$1");
  if (!text || !ipaddr.isValid(text)) return null;
  // Only plain dotted or colon forms: "1" or "0x7f.1" are valid to ipaddr.js but no proxy writes them.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return null;
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.toString();
}

export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = canonicalAddress(socketAddress) ?? "unknown";
  if (trustedHops <= 0) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through all of them.
  if (entries.length < trustedHops) return socket;
  return canonicalAddress(entries[entries.length - trustedHops]) ?? socket;
}
