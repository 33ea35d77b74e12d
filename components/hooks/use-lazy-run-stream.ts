"use client";

import { useEffect, useState } from "react";
import { useStreamCoverage } from "@/components/hooks/use-stream-coverage";
import type { Run } from "@/lib/flora/wire";
import type { RunStream } from "@/lib/queries/run-stream";

/**
 * useRunStream for a page that often has nothing live to watch (a history of finished
 * runs): the stream's code loads only once there is a run to watch, so it is not part of
 * the page's first load. Until it has loaded, the runs poll, as they do before any stream
 * says it is ready.
 */
export function useLazyRunStream(paths: readonly string[], onRun: (path: string, run: Run) => void): (path: string) => boolean {
  const [stream, setStream] = useState<RunStream | null>(null);
  const needed = paths.length > 0;
  useEffect(() => {
    if (!needed || stream) return;
    let cancelled = false;
    import("@/lib/queries/run-stream")
      .then((module) => !cancelled && setStream(module.tabRunStream()))
      // The chunk could not load (offline, a new deployment): the runs keep polling.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [needed, stream]);
  return useStreamCoverage(stream, paths, onRun);
}
