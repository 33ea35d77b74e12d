import { isIP } from "node:net";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || host.endsWith(".localhost");
}

/** Private, link-local and reserved ranges FLORA refuses to call (no DNS lookups here). */
function isPrivateHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare) === 4) {
    const [a = 0, b = 0] = bare.split(".").map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (isIP(bare) === 6) return /^(::|::1|f[cd]|fe[89ab]|::ffff:)/i.test(bare);
  // Single-label and internal-only names cannot be public hosts.
  return !host.includes(".") || /\.(local|internal|lan|home|corp|localhost)$/i.test(host);
}

/**
 * FLORA requires https on a public host. The simulator also accepts http(s) on
 * loopback so tests can receive the webhook. Returns the problem, or undefined.
 */
export function callbackUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Must be a valid URL.";
  }
  if (url.username || url.password) return "Must not contain credentials.";
  if (isLoopbackHost(url.hostname)) {
    return url.protocol === "http:" || url.protocol === "https:" ? undefined : "Must be an https URL.";
  }
  if (url.protocol !== "https:") return "Must be an https URL.";
  if (isPrivateHost(url.hostname)) return "Must point to a public host.";
  return undefined;
}
