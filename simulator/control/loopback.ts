import { isIP } from "node:net";

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback; the control API serves nobody else. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.toLowerCase().replace(/^::ffff:/, "");
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1" || bare === "0:0:0:0:0:0:0:1";
}
