import { timeBox } from "@/lib/health/time-box";

/**
 * What /api/health says about each dependency, and what that means for the instance. Plain
 * (no server-only) so it can be tested without the store.
 *
 * - `ok`: every configured dependency answers (`off` ones are not configured).
 * - `degraded`, HTTP 200: a dependency the instance can serve without fails (the archive:
 *   run pages fall back to FLORA's URLs and copies are retried; Redis: limits, memory and
 *   poll coalescing fall back to the instance's own). A load balancer keeps the instance:
 *   pulling every instance because a shared service is down would turn its outage into a
 *   full one.
 * - `error`, HTTP 503: a dependency no request can do without fails (the store). A load
 *   balancer takes the instance out.
 */

export type CheckResult = { status: "ok" } | { status: "off"; message?: string } | { status: "error"; message: string };
export type CheckName = "store" | "redis" | "archive";
export type HealthStatus = "ok" | "degraded" | "error";

export interface HealthReport {
  status: HealthStatus;
  checks: Record<CheckName, CheckResult>;
}

export interface CheckSpec {
  run: () => Promise<CheckResult>;
  /** Without it, the instance cannot serve: its failure makes the report `error` (503). */
  essential: boolean;
  /** Said when the check throws, or answers with a message that is not safe to show. */
  failureMessage: string;
}

/** Each check's time box: a load balancer's probe must get an answer well within its own timeout. */
export const CHECK_TIMEOUT_MS = 1_000;

export const HTTP_STATUS: Record<HealthStatus, number> = { ok: 200, degraded: 200, error: 503 };

/**
 * A check's own message is shown only when it is a short plain sentence: no URL, path,
 * host name, address or stack can pass (no `/`, `:`, `@`, and no dot inside a word).
 * Anything else is replaced by the check's fixed message.
 */
export function safeMessage(message: string, fallback: string): string {
  const plain = /^[A-Za-z0-9 ,;'()_-]+\.?$/;
  return message.length <= 120 && plain.test(message) ? message : fallback;
}

export async function runChecks(
  specs: Record<CheckName, CheckSpec>,
  options: { timeoutMs?: number; onFailure?: (name: CheckName, problem: unknown) => void } = {},
): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const names = Object.keys(specs) as CheckName[];
  const results = await Promise.all(
    names.map(async (name): Promise<CheckResult> => {
      const spec = specs[name];
      const timedOut = Symbol("timed out");
      try {
        const result = await timeBox<CheckResult | typeof timedOut>(spec.run, timeoutMs, () => timedOut);
        if (result === timedOut) {
          options.onFailure?.(name, new Error(`no answer within ${timeoutMs} ms`));
          return { status: "error", message: `No answer within ${timeoutMs} ms.` };
        }
        if (result.status === "error") {
          options.onFailure?.(name, new Error(result.message));
          return { status: "error", message: safeMessage(result.message, spec.failureMessage) };
        }
        return result.status === "ok" ? { status: "ok" } : result;
      } catch (problem) {
        options.onFailure?.(name, problem);
        return { status: "error", message: spec.failureMessage };
      }
    }),
  );
  const checks = Object.fromEntries(names.map((name, index) => [name, results[index]])) as Record<CheckName, CheckResult>;
  const failing = names.filter((name) => checks[name].status === "error");
  const status: HealthStatus = failing.some((name) => specs[name].essential) ? "error" : failing.length > 0 ? "degraded" : "ok";
  return { status, checks };
}
