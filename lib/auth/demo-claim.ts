import { isLoopbackUrl, type Env } from "@/lib/env-schema";

/**
 * Plain (no `server-only`) so that server start-up can ask it too; the full check, which
 * asks the simulator itself, is lib/auth/demo-mode.ts.
 */

/** What the environment alone says: necessary, not sufficient. */
export function demoModeClaimed(env: Pick<Env, "ATELIER_UPSTREAM" | "FLORA_API_KEY" | "FLORA_BASE_URL" | "ATELIER_DEMO_INSTANCE">): boolean {
  return (
    env.ATELIER_UPSTREAM === "simulator" &&
    !!env.ATELIER_DEMO_INSTANCE &&
    !!env.FLORA_API_KEY &&
    !env.FLORA_API_KEY.startsWith("sk_live_") &&
    isLoopbackUrl(env.FLORA_BASE_URL)
  );
}
