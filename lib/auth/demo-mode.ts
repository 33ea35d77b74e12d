import "server-only";
import { z } from "zod";
import { demoModeClaimed } from "@/lib/auth/demo-claim";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

export { demoModeClaimed };

/**
 * Demo mode is a fact about this running instance, not a label in the store: the demo
 * admin, whose password the README prints, may sign in only while this instance runs on
 * the simulator that `npm start` started for it, on loopback, with a test key. `npm start`
 * gives the app and the simulator one random ATELIER_DEMO_INSTANCE value; the app asks the
 * simulator for it (`GET /_sim/instance`) and compares. A real FLORA, another simulator,
 * or a hand-set variable without that simulator behind it, all fail closed.
 */

const instanceAnswer = z.object({ instance_id: z.string().nullable() });

/** Asks the simulator behind a base URL which start it belongs to; null when it cannot say. */
async function fetchSimulatorInstance(baseUrl: string): Promise<string | null> {
  const url = new URL("/_sim/instance", baseUrl);
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "error" });
  if (!response.ok) return null;
  const parsed = instanceAnswer.safeParse(await response.json());
  return parsed.success ? parsed.data.instance_id : null;
}

export interface DemoProofOptions {
  env: () => Parameters<typeof demoModeClaimed>[0];
  fetchInstance?: (baseUrl: string) => Promise<string | null>;
  now?: () => number;
}

/** How long one answer holds: sign-in asks afresh at most this often. */
const PROVEN_MS = 10_000;
const REFUSED_MS = 2_000;

export function createDemoProof({ env, fetchInstance = fetchSimulatorInstance, now = Date.now }: DemoProofOptions) {
  let remembered: { proven: boolean; until: number } | undefined;
  let inFlight: Promise<boolean> | undefined;

  async function check(): Promise<boolean> {
    const current = env();
    if (!demoModeClaimed(current)) return false;
    try {
      const instance = await fetchInstance(current.FLORA_BASE_URL);
      return instance !== null && instance === current.ATELIER_DEMO_INSTANCE;
    } catch (error) {
      log.warn("demo mode not proven: the simulator did not answer", { reason: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  return function demoModeIsProven(): Promise<boolean> {
    if (!demoModeClaimed(env())) return Promise.resolve(false);
    if (remembered && remembered.until > now()) return Promise.resolve(remembered.proven);
    inFlight ??= check()
      .then((proven) => {
        remembered = { proven, until: now() + (proven ? PROVEN_MS : REFUSED_MS) };
        return proven;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}

const holder = globalThis as typeof globalThis & { __atelierDemoProof?: () => Promise<boolean> };

/** Whether this instance is the demo right now (asked of the simulator, briefly remembered). */
export function demoModeIsProven(): Promise<boolean> {
  holder.__atelierDemoProof ??= createDemoProof({ env: getEnv });
  return holder.__atelierDemoProof();
}
