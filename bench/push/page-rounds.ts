/**
 * Parts 1 to 3: runs watched by an open run page, three ways side by side. Each round
 * launches one run of each kind, a third of a run apart (so their ends do not fall in the
 * same instant on two cores), and watches it on its own page:
 *   - `webhook`: launched through the dashboard (covered by a webhook), page on the stream;
 *   - `stream-uncovered`: launched straight on the simulator (no webhook), page on the
 *     stream, which the instance's one server-side poller feeds;
 *   - `polling`: launched through the dashboard, page with `/api/events` blocked (it polls).
 */
import type { BrowserContext } from "@playwright/test";
import { launchOnSimulator, launchThroughApp } from "./launches";
import { watchRunPage, type PageWatch } from "./page-watch";

export type WatchKind = "webhook" | "stream-uncovered" | "polling";
export const WATCH_KINDS: readonly WatchKind[] = ["webhook", "stream-uncovered", "polling"];

export interface WatchedRun extends PageWatch {
  kind: WatchKind;
  runId: string;
  round: number;
}

export interface RoundPlan {
  rounds: number;
  runSeconds: number;
  appOrigin: string;
  simulatorOrigin: string;
  simulatorKey: string;
  launcherToken: string;
  /** A signed-in context with the stream, and one with `/api/events` blocked. */
  streamed: BrowserContext;
  blocked: BrowserContext;
  onRound?: (round: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function watchOne(plan: RoundPlan, kind: WatchKind, round: number): Promise<WatchedRun> {
  const label = `${kind} ${round}`;
  const runId =
    kind === "stream-uncovered"
      ? await launchOnSimulator(plan.simulatorOrigin, plan.simulatorKey, label, plan.runSeconds)
      : await launchThroughApp(plan.appOrigin, plan.launcherToken, label, plan.runSeconds);
  // Polling can lag the end by an interval (1.5 s) plus the shared answer's age: 15 s is ample.
  const watch = await watchRunPage(kind === "polling" ? plan.blocked : plan.streamed, runId, plan.runSeconds * 1000 + 15_000);
  return { kind, runId, round, ...watch };
}

export async function watchRounds(plan: RoundPlan): Promise<WatchedRun[]> {
  const watched: WatchedRun[] = [];
  const stagger = (plan.runSeconds * 1000) / WATCH_KINDS.length;
  for (let round = 0; round < plan.rounds; round += 1) {
    plan.onRound?.(round);
    // Rotate which kind goes first, so none always runs on the machine's quietest moment.
    const kinds = WATCH_KINDS.map((_, index) => WATCH_KINDS[(index + round) % WATCH_KINDS.length]!);
    watched.push(
      ...(await Promise.all(
        kinds.map(async (kind, index) => {
          await sleep(index * stagger);
          return watchOne(plan, kind, round);
        }),
      )),
    );
  }
  return watched;
}
