import type { ThumbSize } from "@/lib/archive/keys";

/** Plain (no server code): the history and run page build these in the browser too. */

/** The browser's URLs for the archive's copies (same origin, so the CSP allows them). */
export function archivedMediaHref(runId: string, outputId: string): string {
  return `/api/archive/media?${new URLSearchParams({ run_id: runId, output_id: outputId })}`;
}

export function thumbHref(runId: string, outputId: string, size: ThumbSize): string {
  return `/api/archive/thumb?${new URLSearchParams({ run_id: runId, output_id: outputId, size })}`;
}
