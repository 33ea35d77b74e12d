import { healthResponse } from "@/lib/health/health";

export const dynamic = "force-dynamic";

// GET /api/health: for load balancers, Docker's HEALTHCHECK and tests. Like csp-report and
// next-auth's own routes it is outside route() on purpose: a probe has no session. It calls
// no upstream; it reports the store, Redis and the archive with fixed messages only (no
// URL, host, path or credential), each check time-boxed and the report reused for 2 s.
export function GET() {
  return healthResponse();
}
