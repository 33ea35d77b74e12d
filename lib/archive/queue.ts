import pLimit from "p-limit";
import pRetry, { AbortError } from "p-retry";
import { z } from "zod";
import type { RunOutput } from "@/lib/flora/schemas";

/**
 * The archive's background work: every output of a finished run is one job, a few at a time
 * (p-limit), each retried with backoff (p-retry) when the failure may pass (a media host's
 * 5xx, a timeout, the store briefly away). A refusal that will not change (an address that
 * is not public, a host not on MEDIA_HOSTS, more than OUTPUT_MAX_BYTES, a 4xx) is given up at
 * once. enqueue never waits: the request that saw the run end is answered without it.
 */

export interface ArchiveQueueOptions {
  archive: (runId: string, output: RunOutput) => Promise<unknown>;
  concurrency?: number;
  retries?: number;
  minTimeoutMs?: number;
  /** Told once per output that could not be archived, after its last try. */
  onGiveUp?: (runId: string, output: RunOutput, error: unknown) => void;
}

export interface ArchiveQueue {
  enqueue(runId: string, outputs: readonly RunOutput[]): void;
  /** Resolves once nothing is queued or running (tests; a graceful stop). */
  idle(): Promise<void>;
}

/** Reasons (lib/runs/output-download.ts) that another try cannot change. */
const PERMANENT = /OUTPUT_MAX_BYTES|not a public address|MEDIA_HOSTS|not a URL|not http|credentials|redirect|answered 4(?!08|29)\d\d/;

export function isPermanentFailure(error: unknown): boolean {
  // An id that cannot make an archive key will not make one next time either.
  if (error instanceof z.ZodError) return true;
  const reason = (error as { reason?: unknown } | null)?.reason;
  return typeof reason === "string" && PERMANENT.test(reason);
}

export function createArchiveQueue(options: ArchiveQueueOptions): ArchiveQueue {
  const limit = pLimit(options.concurrency ?? 2);
  // One job per output at a time: a run read twice while its copy runs is not copied twice.
  const inFlight = new Set<string>();
  const running = new Set<Promise<void>>();

  function enqueue(runId: string, outputs: readonly RunOutput[]) {
    for (const output of outputs) {
      const id = `${runId}/${output.output_id}`;
      if (inFlight.has(id)) continue;
      inFlight.add(id);
      const job = limit(() =>
        pRetry(
          async () => {
            try {
              return await options.archive(runId, output);
            } catch (error) {
              throw isPermanentFailure(error) ? new AbortError(error instanceof Error ? error : String(error)) : error;
            }
          },
          { retries: options.retries ?? 4, minTimeout: options.minTimeoutMs ?? 2_000, factor: 2 },
        ),
      )
        .then(
          () => undefined,
          (error: unknown) => options.onGiveUp?.(runId, output, error),
        )
        .finally(() => {
          inFlight.delete(id);
          running.delete(job);
        });
      running.add(job);
    }
  }

  async function idle() {
    while (running.size > 0) await Promise.all([...running]);
  }

  return { enqueue, idle };
}
