import "server-only";
import type { RunCheck } from "@/lib/collections/collection-service";
import { ApiError } from "@/lib/errors/api-error";
import { isUpstreamNotFound } from "@/lib/flora/call-policy";
import { readRun } from "@/lib/runs/read-run";

/**
 * The real check before a run is stored: one read through the run page's coalesced read.
 * FLORA's "not found" becomes a 404 naming the run; any other failure (FLORA down, rate
 * limited) goes on as FLORA's error, and nothing is stored.
 */
export const runExistsUpstream: RunCheck = async (ref) => {
  try {
    await readRun(ref);
  } catch (error) {
    if (isUpstreamNotFound(error)) {
      throw new ApiError("not_found", `FLORA has no run ${ref.runId}${ref.techniqueId ? ` of technique ${ref.techniqueId}` : ""}.`, [{ field: "runs", message: `unknown run ${ref.runId}` }]);
    }
    throw error;
  }
};
