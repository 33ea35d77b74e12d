/**
 * Runs for the push benchmark, launched two ways: through the dashboard (with PUBLIC_URL
 * set it asks FLORA for a webhook: the run is covered) or straight on the simulator with
 * no callback URL (as a run launched by another tool: nothing will call the dashboard back).
 * And what the simulator says it sent: its webhook deliveries, with their send times.
 */
const WHERE = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" };

async function launch(url: string, token: string, prompt: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ type: "text", prompt, ...WHERE }),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { run_id: string }).run_id;
}

/** A text run lasting `seconds` (the simulator's `[run-seconds:N]` directive). */
const promptOf = (label: string, seconds: number) => `push bench: ${label} [run-seconds:${seconds}]`;

export const launchThroughApp = (appOrigin: string, token: string, label: string, seconds: number) =>
  launch(`${appOrigin}/api/v1/generate`, token, promptOf(label, seconds));

export const launchOnSimulator = (simulatorOrigin: string, apiKey: string, label: string, seconds: number) =>
  launch(`${simulatorOrigin}/api/v1/generate`, apiKey, promptOf(label, seconds));

/** The simulator's record of one delivery attempt (simulator/webhooks/webhook-sender.ts). */
export interface Delivery {
  webhook_id: string;
  run_id: string;
  attempt: number;
  status: number | null;
  error: string | null;
  /** Unix ms when the attempt was sent. */
  time: number;
}

export async function webhookDeliveries(simulatorOrigin: string): Promise<Delivery[]> {
  const response = await fetch(`${simulatorOrigin}/_sim/webhooks`);
  if (!response.ok) throw new Error(`GET /_sim/webhooks answered ${response.status}`);
  return ((await response.json()) as { deliveries: Delivery[] }).deliveries;
}

/** When FLORA says the run ended (`completed_at`, unix ms), read straight from the simulator. */
export async function runEndedAt(simulatorOrigin: string, apiKey: string, runId: string): Promise<number | null> {
  const response = await fetch(`${simulatorOrigin}/api/v1/runs/${runId}`, { headers: { authorization: `Bearer ${apiKey}` } });
  if (!response.ok) return null;
  const run = (await response.json()) as { completed_at?: number | null };
  return typeof run.completed_at === "number" ? run.completed_at : null;
}
