import { z } from "zod";
import { isPrefixedId } from "@/lib/ids";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * What a tab watches on its event stream: runs named by their dashboard poll paths (the
 * `poll_url` every run answer carries), so the browser needs no second way to name a run.
 */

/** A tab watches its run page and the live rows of one history screen: fifty is plenty. */
export const MAX_WATCHED_PER_STREAM = 50;

const RUN_PATH = /^\/api\/v1\/runs\/([^/]+)$/;
const TECHNIQUE_RUN_PATH = /^\/api\/v1\/techniques\/([^/]+)\/runs\/([^/]+)$/;

/** The run a poll path names, or null for anything else (ids by FLORA's rules, no encoding tricks). */
export function parseWatchPath(path: string): RunRef | null {
  const run = RUN_PATH.exec(path);
  if (run) return isPrefixedId(run[1]!, "run_") ? { kind: "generation", runId: run[1]!, techniqueId: null } : null;
  const techniqueRun = TECHNIQUE_RUN_PATH.exec(path);
  if (techniqueRun && isPrefixedId(techniqueRun[1]!, "tech_") && isPrefixedId(techniqueRun[2]!, "run_")) {
    return { kind: "technique", runId: techniqueRun[2]!, techniqueId: techniqueRun[1]! };
  }
  return null;
}

/** An event id: the instance's boot and a sequence number, e.g. `k3x9a-42`. */
const EVENT_ID = /^[a-z0-9]{1,16}-\d{1,15}$/;

/** GET /api/events?watch=<path>,<path>…[&after=<event id>] */
export const eventsQuerySchema = z
  .object({
    watch: z
      .string()
      .max(MAX_WATCHED_PER_STREAM * 200)
      .transform((value) => [...new Set(value.split(",").filter(Boolean))])
      .pipe(
        z
          .array(z.string().refine((path) => parseWatchPath(path) !== null, "Each watched run must be a run's poll path, such as /api/v1/runs/run_…."))
          .min(1, "Name at least one run to watch.")
          .max(MAX_WATCHED_PER_STREAM, `At most ${MAX_WATCHED_PER_STREAM} runs per stream.`),
      ),
    after: z.string().regex(EVENT_ID, "Must be an event id this stream sent.").optional(),
  })
  .strict();

export const isEventId = (value: string | null): value is string => value !== null && EVENT_ID.test(value);
