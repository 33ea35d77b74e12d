"use client";

import { useStreamCoverage } from "@/components/hooks/use-stream-coverage";
import type { Run } from "@/lib/flora/wire";
import { tabRunStream } from "@/lib/queries/run-stream";

/** The run page's watch on the tab's event stream, which ships with the page: it always has a run to watch. */
export function useRunStream(paths: readonly string[], onRun: (path: string, run: Run) => void): (path: string) => boolean {
  return useStreamCoverage(tabRunStream(), paths, onRun);
}
