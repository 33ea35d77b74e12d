import "server-only";
import { Agent, buildConnector, fetch, type Response } from "undici";
import { addressRefusal, literalAddress } from "@/lib/net/address-policy";
import { AddressRefusedError, guardedLookup, type Resolver } from "@/lib/net/guarded-lookup";
import { isMediaHostAllowed, type MediaHostList } from "@/lib/net/media-hosts";

/**
 * fetch for URLs the dashboard did not choose (run outputs, from FLORA's answer), so that a
 * bad or compromised answer cannot turn the dashboard into a proxy into its own network:
 * - http(s) only, no credentials in the URL; when MEDIA_HOSTS is set, only its hosts;
 * - every address a name resolves to must be public (address-policy). The check runs in
 *   the socket's own lookup, which hands net exactly the checked addresses (no second
 *   lookup for a rebinding DNS server to answer), and the connected socket's address is
 *   checked again before a byte is sent, which also covers literal IPs (net skips lookup);
 * - redirects are followed by hand, at most MAX_REDIRECTS, every hop checked the same way.
 *
 * One exemption: the trusted origin (scheme, host and port of FLORA_BASE_URL) skips the
 * address and host checks, even on loopback or a private network. Every gateway call goes
 * there already, and the built-in simulator on 127.0.0.1 serves its media from it. Nothing
 * is sent with these requests (no key, no cookie), wherever they go.
 */

export const MAX_REDIRECTS = 5;
const CONNECT_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 30_000;
/** Longest silence between two chunks of a body. */
const BODY_IDLE_TIMEOUT_MS = 60_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface SafeFetchPolicy {
  /** Exempt from the address and host checks: FLORA's origin, or null for none. */
  trustedOrigin: string | null;
  /** The only hosts allowed besides the trusted origin, or null for any public host. */
  mediaHosts: MediaHostList | null;
  /** How names become addresses; the system's resolver unless a test injects one. */
  resolve?: Resolver;
}

/** The URL itself was refused (scheme, host, literal address, redirects): nothing was sent. */
export class FetchRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "FetchRefusedError";
  }
}

export interface SafeFetcher {
  fetch(url: string, init?: { signal?: AbortSignal }): Promise<Response>;
  close(): Promise<void>;
}

function originOf(protocol: string, hostname: string, port: string): string {
  const host = hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname;
  return new URL(`${protocol}//${host}${port ? `:${port}` : ""}`).origin;
}

/** Connects only to public addresses, except to the trusted origin. Exported for its tests. */
export function guardedConnector(trustedOrigin: string | null, resolve?: Resolver): buildConnector.connector {
  const direct = buildConnector({ timeout: CONNECT_TIMEOUT_MS });
  const guarded = buildConnector({ timeout: CONNECT_TIMEOUT_MS, lookup: guardedLookup(resolve) });
  return (options, callback) => {
    if (trustedOrigin && originOf(options.protocol, options.hostname, options.port) === trustedOrigin) {
      direct(options, callback);
      return;
    }
    guarded(options, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error("no socket"), null);
        return;
      }
      const address = socket.remoteAddress ?? "";
      const reason = addressRefusal(address);
      if (reason) {
        socket.destroy();
        callback(new AddressRefusedError(options.hostname, address, reason), null);
        return;
      }
      callback(null, socket);
    });
  };
}

/** The URL to request, or FetchRefusedError saying why not. */
function checkedUrl(candidate: string, policy: { trustedOrigin: string | null; mediaHosts: MediaHostList | null }): string {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new FetchRefusedError("not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefusedError(`${url.protocol} is not http(s)`);
  if (url.username || url.password) throw new FetchRefusedError("the URL carries credentials");
  if (policy.trustedOrigin && url.origin === policy.trustedOrigin) return url.href;
  if (policy.mediaHosts && !isMediaHostAllowed(policy.mediaHosts, url.hostname)) {
    throw new FetchRefusedError(`${url.hostname} is not on MEDIA_HOSTS`);
  }
  const literal = literalAddress(url.hostname);
  const reason = literal && addressRefusal(literal);
  if (reason) throw new FetchRefusedError(`${literal} is not a public address (${reason})`);
  return url.href;
}

export function createSafeFetcher(policy: SafeFetchPolicy): SafeFetcher {
  const trustedOrigin = policy.trustedOrigin ? new URL(policy.trustedOrigin).origin : null;
  const rules = { trustedOrigin, mediaHosts: policy.mediaHosts };
  const dispatcher = new Agent({
    connect: guardedConnector(trustedOrigin, policy.resolve),
    headersTimeout: HEADERS_TIMEOUT_MS,
    bodyTimeout: BODY_IDLE_TIMEOUT_MS,
  });

  async function safeFetch(input: string, init: { signal?: AbortSignal } = {}): Promise<Response> {
    let url = checkedUrl(input, rules);
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(url, {
        dispatcher,
        redirect: "manual",
        signal: init.signal,
        // The byte cap counts what arrives; a compressed body would also break Content-Length.
        headers: { "accept-encoding": "identity" },
      });
      if (!REDIRECT_STATUSES.has(response.status)) return response;
      await response.body?.cancel().catch(() => {});
      if (redirects >= MAX_REDIRECTS) throw new FetchRefusedError(`more than ${MAX_REDIRECTS} redirects`);
      const location = response.headers.get("location");
      if (!location) throw new FetchRefusedError(`a ${response.status} without a Location`);
      let next: string;
      try {
        next = new URL(location, url).href;
      } catch {
        throw new FetchRefusedError("a redirect to something that is not a URL");
      }
      url = checkedUrl(next, rules);
    }
  }

  return { fetch: safeFetch, close: () => dispatcher.close() };
}

/** One line for the log: undici wraps network failures in TypeError("fetch failed"). */
export function fetchFailureReason(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
  }
  return parts.join(" <- ");
}
