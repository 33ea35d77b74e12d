"use client";

import { ProgressBar } from "@/components/runs/progress-bar";
import { StatusBadge } from "@/components/runs/status-badge";
import { useTickingClock } from "@/components/runs/detail/use-ticking-clock";
import { isActiveStatus } from "@/lib/flora/wire";
import type { Run } from "@/lib/flora/wire";
import { formatDuration } from "@/lib/format";

/**
 * Title, what was asked (children), then status, progress and elapsed time; status changes
 * are announced politely.
 */
export function RunHeading({ run, title, renderedAt, children }: { run: Run | null; title: string; renderedAt: number; children?: React.ReactNode }) {
  const active = isActiveStatus(run?.status);
  const now = useTickingClock(active, renderedAt);
  const elapsed = run
    ? active
      ? formatDuration(run.started_at ?? run.created_at, Math.max(now, run.started_at ?? run.created_at))
      : formatDuration(run.started_at ?? run.created_at, run.completed_at)
    : "";
  return (
    <div className="space-y-2">
      <h1 id="page-heading" className="text-2xl font-semibold [overflow-wrap:anywhere]">
        {title}
      </h1>
      {children}
      {run && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span aria-live="polite" aria-atomic="true" data-testid="run-status">
            <span className="sr-only">Status: </span>
            <StatusBadge status={run.status} />
          </span>
          {active && <ProgressBar value={run.progress} label="Run progress" />}
          {active && <span className="tabular-nums text-muted">{Math.round(run.progress)}%</span>}
          {elapsed && (
            <span className="tabular-nums text-muted" data-testid="run-elapsed">
              {active ? (run.status === "pending" ? `Waiting ${elapsed}` : `Running for ${elapsed}`) : `Took ${elapsed}`}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
