/**
 * Viewers watching live runs through one or two instances, with the retry policy a client
 * behind a load balancer has: a poll that gets a connection error or a 5xx from its instance
 * is tried once more on the other one. A poll that still has no 200 (with the run's own
 * body) is an answer lost.
 */
import http from "node:http";

export interface Target {
  name: string;
  origin: string;
  agent: http.Agent;
}

export interface PollSample {
  /** Unix ms when the poll began. */
  at: number;
  /** From the first attempt to the final answer, including a retry. */
  ms: number;
  ok: boolean;
  retried: boolean;
  home: string;
  servedBy: string | null;
  /** Why the first attempt failed (ECONNREFUSED, ECONNRESET, HTTP 503, …), null when it did not. */
  firstFailure: string | null;
  /** Why the poll finally failed, null when it got its answer. */
  finalFailure: string | null;
}

export interface ViewerPlan {
  viewers: number;
  runIds: string[];
  /** Bearer tokens; viewer i uses tokens[i % length]. */
  tokens: string[];
  targets: Target[];
  pollMs: number;
  /** The load stops by itself at this unix ms. */
  endsAt: number;
  /** Called for every poll that ends. */
  record: (sample: PollSample) => void;
}

type Attempt = { ok: true } | { ok: false; reason: string; retryable: boolean };

function getRun(target: Target, runId: string, token: string): Promise<Attempt> {
  const url = new URL(`/api/v1/runs/${runId}`, target.origin);
  return new Promise((resolve) => {
    const request = http.get(
      { host: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${token}` }, agent: target.agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => resolve({ ok: false, reason: (error as NodeJS.ErrnoException).code ?? error.message, retryable: true }));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status !== 200) return resolve({ ok: false, reason: `HTTP ${status}`, retryable: status >= 500 });
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString()) as { run_id?: unknown };
            resolve(body.run_id === runId ? { ok: true } : { ok: false, reason: "200 with another body", retryable: false });
          } catch {
            resolve({ ok: false, reason: "200 with a cut-off body", retryable: true });
          }
        });
      },
    );
    request.setTimeout(10_000, () => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ ok: false, reason: error.code ?? error.message, retryable: true }));
  });
}

/**
 * Which instance viewer `index` polls first: runs are handed out round-robin, and the
 * viewers of each run alternate between the instances, so every run is watched through
 * both (and the viewers split evenly when their number is a multiple of 2 × runs / 2).
 */
export function homeOf(index: number, runs: number, instances: number): number {
  return (index + Math.floor(index / runs)) % instances;
}

async function poll(home: Target, other: Target | undefined, runId: string, token: string): Promise<PollSample> {
  const at = Date.now();
  const begun = process.hrtime.bigint();
  const first = await getRun(home, runId, token);
  let final = first;
  let servedBy: string | null = first.ok ? home.name : null;
  const retried = !first.ok && first.retryable && other !== undefined;
  if (retried) {
    final = await getRun(other, runId, token);
    if (final.ok) servedBy = other.name;
  }
  return {
    at,
    ms: Number(process.hrtime.bigint() - begun) / 1e6,
    ok: final.ok,
    retried,
    home: home.name,
    servedBy,
    firstFailure: first.ok ? null : first.reason,
    finalFailure: final.ok ? null : final.reason,
  };
}

/** Runs every viewer until `endsAt`; each polls its run every `pollMs`, starting at a random moment of the first interval. */
export async function runViewers(plan: ViewerPlan): Promise<void> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  await Promise.all(
    Array.from({ length: plan.viewers }, async (_, index) => {
      const homeIndex = homeOf(index, plan.runIds.length, plan.targets.length);
      const home = plan.targets[homeIndex]!;
      const other = plan.targets.length > 1 ? plan.targets[(homeIndex + 1) % plan.targets.length] : undefined;
      const runId = plan.runIds[index % plan.runIds.length]!;
      const token = plan.tokens[index % plan.tokens.length]!;
      await sleep(Math.random() * plan.pollMs);
      for (let next = Date.now(); next < plan.endsAt; next += plan.pollMs) {
        plan.record(await poll(home, other, runId, token));
        await sleep(Math.min(next + plan.pollMs, plan.endsAt) - Date.now());
      }
    }),
  );
}
