import packageJson from "@/package.json";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

// GET /api/health: for load balancers and tests. No session, no secrets, no upstream call:
// it says the process is up and which kind of upstream it is configured for.
export function GET() {
  return Response.json(
    { status: "ok", upstream: getEnv().ATELIER_UPSTREAM, version: packageJson.version },
    { headers: { "cache-control": "no-store" } },
  );
}
