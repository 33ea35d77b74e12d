import type { RunRecord, RunStatus } from "./run-record";

export interface RunSnapshot {
  status: RunStatus;
  /** 0..100 */
  progress: number;
  startedAt?: number;
  completedAt?: number;
}

/**
 * Status is read off the clock instead of being advanced by timers: a run is pending
 * before startedAt, running until endsAt (progress rising linearly), then terminal.
 */
export function snapshot(run: RunRecord, now: number): RunSnapshot {
  if (now < run.startedAt) return { status: "pending", progress: 0 };
  if (now < run.endsAt) {
    const share = (now - run.startedAt) / Math.max(1, run.endsAt - run.startedAt);
    // Clamp to 1..99 so "running" never reads as not started or already done.
    return { status: "running", progress: Math.min(99, Math.max(1, Math.floor(share * 100))), startedAt: run.startedAt };
  }
  if (run.outcome === "failed") {
    return { status: "failed", progress: run.failProgress, startedAt: run.startedAt, completedAt: run.endsAt };
  }
  return { status: "completed", progress: 100, startedAt: run.startedAt, completedAt: run.endsAt };
}

/** Failed runs are refunded, so they report (and cost) nothing. */
export function chargedCost(run: RunRecord, status: RunStatus): number {
  return status === "failed" ? 0 : run.cost;
}
