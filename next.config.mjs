import path from "node:path";
import { fileURLToPath } from "node:url";
import httpsHeaders from "./lib/http/https-headers.json" with { type: "json" };
import securityHeaders from "./lib/http/security-headers.json" with { type: "json" };

const root = path.dirname(fileURLToPath(import.meta.url));

// security-headers.json is what every API answer carries (the custom server's fast path
// sends it as is). Pages get everything but its policy: proxy.ts gives each page its own,
// with a fresh nonce.
// Public links (/s/…) set their own Referrer-Policy (no-referrer: their address is the
// secret); a header set here would win over it, so this one is left off their paths.
const { "Content-Security-Policy": apiPolicy, "Referrer-Policy": referrerPolicy, ...everyAnswer } = securityHeaders;
const headerList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // forbidden() answers 403 with app/forbidden.tsx when a role is missing.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // A stray lockfile in a parent folder would otherwise make Turbopack guess the wrong root.
  turbopack: { root },
  // The simulator and scripts are separate programs; keep them out of the app's type build.
  typescript: { tsconfigPath: "tsconfig.json" },
  async headers() {
    return [
      { source: "/:path*", headers: headerList(everyAnswer) },
      { source: "/:path((?!s/).*)", headers: headerList({ "Referrer-Policy": referrerPolicy }) },
      // A header set here wins over the route's own (Next adds a route's header only when
      // none is set yet), so run-outputs, whose downloads carry their own policy
      // (`default-src 'none'; sandbox`), is left out rather than silently overridden.
      { source: "/api/:path((?!run-outputs$).*)", headers: headerList({ "Content-Security-Policy": apiPolicy }) },
      // HSTS only when a TLS-terminating proxy says the browser came over https (the first
      // X-Forwarded-Proto entry, as lib/http/served-over-https.ts reads it); never over http.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "[Hh][Tt][Tt][Pp][Ss](\\s*,.*)?" }],
        headers: headerList(httpsHeaders),
      },
    ];
  },
};

export default nextConfig;
