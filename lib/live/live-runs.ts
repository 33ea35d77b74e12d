import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { answerFacts, parseRecordedJson } from "@/lib/launches/launch-record";
import { launchesForRuns } from "@/lib/launches/launch-store";
import { RunWatchers, type WebhookCoverage } from "@/lib/live/run-watchers";
import { readRun } from "@/lib/runs/read-run";
import { onRunChange } from "@/lib/runs/run-events";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * The instance's one set of run watchers behind GET /api/events (on globalThis, so every
 * route bundle shares it), and the boot id its event ids carry.
 */

const live = globalThis as typeof globalThis & { __atelierRunWatchers?: RunWatchers; __atelierBootId?: string };

/** Launched by the dashboard while webhooks are configured: FLORA will report its end. */
async function webhookCoverage(ref: RunRef): Promise<WebhookCoverage> {
  const env = getEnv();
  const launch = (await launchesForRuns(await getDb(), [ref.runId])).get(ref.runId);
  if (!launch) return { covered: false, estimatedSeconds: null };
  const estimatedSeconds = answerFacts(parseRecordedJson(launch.response_json)).estimatedSeconds;
  return { covered: Boolean(env.PUBLIC_URL && env.FLORA_WEBHOOK_SECRET), estimatedSeconds };
}

export function runWatchers(): RunWatchers {
  if (!live.__atelierRunWatchers) {
    const watchers = new RunWatchers({ read: readRun, coverage: webhookCoverage });
    // A verified webhook, on this instance or (through Redis) another: tabs hear at once.
    onRunChange((change) => watchers.nudge(change.run_id, change.status));
    live.__atelierRunWatchers = watchers;
  }
  return live.__atelierRunWatchers;
}

/** Changes with every start: an event id from before a restart resumes nothing. */
export function bootId(): string {
  live.__atelierBootId ??= Math.floor(Math.random() * 36 ** 8).toString(36);
  return live.__atelierBootId;
}
