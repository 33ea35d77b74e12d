import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { archivedOutputsOf } from "@/lib/archive/records";
import { getDb } from "@/lib/db";
import type { Run } from "@/lib/flora/schemas";
import { isUpstreamCallError } from "@/lib/flora/call-policy";
import { runIdSchema, techniqueIdSchema } from "@/lib/flora/request-schemas";
import { pollPathOf } from "@/lib/history/history-run";
import { readRun } from "@/lib/runs/read-run";
import { log, describeError } from "@/lib/log";
import { loadRunContext } from "@/lib/runs/run-context";
import type { RunContext, RunRef } from "@/lib/runs/run-ref";

export interface RunPageData {
  runRef: RunRef;
  pollPath: string;
  initialRun: Run | null;
  initialProblem: { status: number; code: string; message: string; retryAfterMs: number | null } | null;
  context: RunContext;
  renderedAt: number;
  /** Outputs the archive holds: the page shows those copies, which outlive FLORA's URLs. */
  archivedOutputIds: string[];
}

/** Route params are untrusted: an id that FLORA could never have issued is a 404 here. */
function parseRef(runId: string, techniqueId: string | null): RunRef {
  const run = runIdSchema.safeParse(runId);
  const technique = techniqueId === null ? null : techniqueIdSchema.safeParse(techniqueId);
  if (!run.success || (technique && !technique.success)) notFound();
  return { kind: technique ? "technique" : "generation", runId: run.data, techniqueId: technique?.data ?? null };
}

async function readInitialRun(ref: RunRef): Promise<Pick<RunPageData, "initialRun" | "initialProblem">> {
  try {
    return { initialRun: await readRun(ref), initialProblem: null };
  } catch (error) {
    if (!isUpstreamCallError(error)) throw error;
    if (error.apiError.code === "not_found") notFound();
    const retryAfter = Number(error.apiError.headers?.["retry-after"]);
    return {
      initialRun: null,
      initialProblem: {
        status: error.apiError.status,
        code: error.apiError.code,
        message: error.apiError.message,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
      },
    };
  }
}

/** A store that cannot answer costs the page its archived copies, not the page. */
async function archivedIds(runId: string): Promise<string[]> {
  try {
    return (await archivedOutputsOf(await getDb(), runId)).map((row) => row.output_id);
  } catch (error) {
    log.warn("run page: archive records unavailable", describeError(error));
    return [];
  }
}

/**
 * Everything a run page renders first, once per request (metadata and page share it): the
 * run itself (or why it could not be read) and its context. Not found is a real 404.
 */
export const loadRunPage = cache(async (runId: string, techniqueId: string | null): Promise<RunPageData> => {
  const runRef = parseRef(runId, techniqueId);
  const renderedAt = Date.now();
  const [initial, context, archivedOutputIds] = await Promise.all([readInitialRun(runRef), loadRunContext(runRef), archivedIds(runRef.runId)]);
  return { runRef, pollPath: pollPathOf(runRef), ...initial, context, renderedAt, archivedOutputIds };
});
