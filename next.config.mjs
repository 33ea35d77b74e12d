import path from "node:path";
import { fileURLToPath } from "node:url";
import securityHeaders from "./lib/http/security-headers.json" with { type: "json" };

const root = path.dirname(fileURLToPath(import.meta.url));

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
      {
        source: "/:path*",
        headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
