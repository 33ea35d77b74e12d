import { canonicalAddress } from "@/lib/http/forwarded-for";

/**
 * The client's address for rate limits and logs. The production server (scripts/serve.ts)
 * has already replaced X-Forwarded-For with the one address it decided on from the socket
 * and TRUSTED_PROXY_HOPS (lib/http/forwarded-for.ts), so the header holds exactly one
 * trusted value here; X-Real-IP and any other client-written header are never read.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return canonicalAddress(last) ?? "unknown";
}
