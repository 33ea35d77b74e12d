/**
 * Test-side access to the suite's simulator: its own API (to compare what the dashboard
 * shows with what the upstream holds) and its loopback-only control API (faults, request log).
 */
export const simulatorOrigin = `http://127.0.0.1:${process.env.E2E_SIMULATOR_PORT}`;
export const simulatorKey = process.env.E2E_SIMULATOR_KEY ?? "";

export async function simulatorGet<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${simulatorOrigin}/api/v1${pathAndQuery}`, {
    headers: { authorization: `Bearer ${simulatorKey}` },
  });
  if (!response.ok) throw new Error(`simulator ${pathAndQuery} answered ${response.status}`);
  return (await response.json()) as T;
}

export interface FaultSpec {
  method?: string;
  path: string;
  times?: number;
  /** Armed for this long instead (every matching call until then): a storm. */
  for_ms?: number;
  fault: Record<string, unknown> & { kind: string };
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulatorOrigin}/_sim/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator control ${method} ${path} answered ${response.status}`);
  return response;
}

/** How long the dashboard shares one list page (lib/flora/reads.ts LIST_FRESH_MS), and a margin. */
const LIST_SHARED_MS = 1_100;

export async function injectFault(spec: FaultSpec) {
  await control("POST", "faults", spec);
  // A list page that an earlier test read in the last second is answered from the
  // dashboard's memory: wait that out, so the next read of the list meets the fault.
  if (/^\/(generations|technique-runs)/.test(spec.path)) await new Promise((resolve) => setTimeout(resolve, LIST_SHARED_MS));
}

export async function clearFaults() {
  await control("DELETE", "faults");
}

export interface LoggedRequest {
  method: string;
  path: string;
  idempotency_key: string | null;
  status: number | null;
  /** The fault that answered it, if one did. */
  fault?: string | null;
}

/** What the simulator received since the log was last cleared. */
export async function simulatorRequests(): Promise<LoggedRequest[]> {
  const response = await control("GET", "requests");
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

export async function clearSimulatorRequests() {
  await control("DELETE", "requests");
}

/**
 * Clears the request log once the dashboard has gone quiet upstream: a request of an earlier
 * test (a poll retried with backoff after its page closed) must not land in this test's log.
 * Waits for a whole second with no upstream request, at most ten seconds.
 */
export async function clearSimulatorRequestsWhenQuiet() {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await clearSimulatorRequests();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if ((await simulatorRequests()).length === 0) return;
    if (Date.now() > deadline) throw new Error("the dashboard kept calling the simulator for 10 s with no test running");
  }
}

export async function simulatorState(): Promise<{ balance: number; generations: { total: number }; technique_runs: { total: number } }> {
  return (await control("GET", "state")).json();
}

export async function setSimulatorCredits(balance: number) {
  await control("POST", "credits", { balance });
}
