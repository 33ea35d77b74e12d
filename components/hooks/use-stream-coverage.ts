"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type { Run } from "@/lib/flora/wire";
import type { RunStream } from "@/lib/queries/run-stream";

const noSubscription = () => () => {};
const noVersion = () => 0;

/**
 * Watches runs on the tab's event stream (lib/queries/run-stream.ts): `onRun` hears each
 * run's news, and the answer says which runs the stream covers right now (their queries
 * need not poll). Re-renders whenever that may have changed. Without a stream (none yet, or
 * none in this browser) nothing is covered, and the runs poll.
 */
export function useStreamCoverage(stream: RunStream | null, paths: readonly string[], onRun: (path: string, run: Run) => void): (path: string) => boolean {
  const version = useSyncExternalStore(stream?.onChange ?? noSubscription, stream?.getVersion ?? noVersion, noVersion);
  const latestOnRun = useRef(onRun);
  useEffect(() => {
    latestOnRun.current = onRun;
  });
  const watched = paths.join(",");
  useEffect(() => {
    if (!stream || !watched) return;
    const stops = watched.split(",").map((path) => stream.subscribe(path, (run) => latestOnRun.current(path, run)));
    return () => stops.forEach((stop) => stop());
  }, [stream, watched]);
  // `version` is what changes when coverage does: a new function tells consumers to look again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((path: string) => stream?.isCovered(path) ?? false, [stream, version]);
}
