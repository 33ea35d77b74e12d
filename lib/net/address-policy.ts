import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which IP addresses the dashboard may connect to when it fetches a URL it did not choose
 * (a run's output URL comes from FLORA's answer): public unicast only. Everything ipaddr.js
 * names a special range is refused: loopback, private, link-local, CGNAT, unique-local,
 * unspecified (0.0.0.0/8, ::), multicast, broadcast, reserved and documentation ranges,
 * NAT64, 6to4, Teredo and the rest. IPv6 must also be in 2000::/3, the only block IANA
 * hands out for global unicast, so a newly special range outside it is refused by default.
 */

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/** Why an address may not be connected to ("loopback", "private", …), or null when it may. */
export function addressRefusal(address: string): string | null {
  // net.isIP accepts only the canonical forms; ipaddr.parse alone would also take
  // "0x7f.1" and other legacy spellings, which should never reach here unnormalised.
  if (isIP(address) === 0) return "not an IP address";
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d is v4 in disguise. Named by what it embeds for the log, and refused
    // whatever that is: a media host has no reason to be reached this way.
    if (v6.isIPv4MappedAddress()) return `ipv4Mapped (${v6.toIPv4Address().range()})`;
    if (range !== "unicast") return range;
    if (!v6.match(GLOBAL_UNICAST_V6)) return "reserved";
    return null;
  }
  return range === "unicast" ? null : range;
}

/**
 * The address a URL's host names literally (brackets off for IPv6), or null for a name.
 * WHATWG URL has already turned 0x7f.1, 2130706433 and 0177.0.0.1 into 127.0.0.1.
 */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}
