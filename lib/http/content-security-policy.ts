/**
 * The pages' Content-Security-Policy. Scripts run only with the request's nonce (Next puts
 * it on its own scripts) or when a nonced script loads them ('strict-dynamic'), so markup
 * that slips into a page cannot run. Outputs are shown straight from FLORA's media hosts,
 * so images, media and the PDF frame may come from there.
 */

import { parseMediaHosts } from "@/lib/net/media-hosts";

/** Where the browser reports a violation (app/api/csp-report). */
export const CSP_REPORT_PATH = "/api/csp-report";

/** A fresh, unguessable nonce: 128 random bits in base64, the form Next reads back. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

// What a CSP host source may hold: anything else (an underscore, a quote, a semicolon)
// would be ignored by the browser, or could end the source or the directive.
const CSP_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The sources media may come from: the MEDIA_HOSTS hosts over https, on any port, as the
 * download route reads the list (lib/net/media-hosts.ts: `*.example.com` is any subdomain);
 * any https host when it is unset; and always FLORA's own origin, which is where the
 * built-in simulator serves media (over http, on loopback). A set list with nothing valid
 * in it allows no media host, never every https host.
 */
export function mediaSources(mediaHosts: string | undefined, floraBaseUrl: string): string[] {
  const { list } = parseMediaHosts(mediaHosts);
  const allowed = list
    ? [
        ...[...list.exact].filter((host) => CSP_HOST.test(host)).map((host) => `https://${host}:*`),
        ...list.parents.filter((parent) => CSP_HOST.test(parent)).map((parent) => `https://*.${parent}:*`),
      ]
    : ["https:"];
  return [...new Set([...allowed, new URL(floraBaseUrl).origin])];
}

export interface PagePolicyOptions {
  nonce: string;
  mediaSources: string[];
  /** `next dev` evaluates code for its overlay and hot reload; a production build does not. */
  development?: boolean;
}

export function pageContentSecurityPolicy({ nonce, mediaSources, development = false }: PagePolicyOptions): string {
  const media = ["'self'", "data:", "blob:", ...mediaSources].join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Server-rendered style attributes (the virtualised history, progress bars) need it;
    // styles cannot run code, scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${media}`,
    `media-src ${media}`,
    // The PDF preview frames a media host's document; a data: or blob: frame has no use here.
    `frame-src ${["'self'", ...mediaSources].join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    `report-uri ${CSP_REPORT_PATH}`,
  ];
  return directives.join("; ");
}
