import { ProgressBar } from "@/components/runs/progress-bar";
import { StatusBadge } from "@/components/runs/status-badge";
import { formatAbsoluteTime, formatCost, formatDuration, formatRelativeTime } from "@/lib/format";
import { isActiveStatus } from "@/lib/flora/run-status";
import type { HistoryRun } from "@/lib/history/history-run";

/** Status, progress and error of a run, as every history layout shows them. */
export function RunStatusBlock({ run }: { run: HistoryRun }) {
  return (
    <div className="flex flex-col items-start gap-1">
      <StatusBadge status={run.status} />
      {isActiveStatus(run.status) && <ProgressBar value={run.progress} label={`Progress of ${run.runId}`} />}
      {run.errorCode && (
        <span className="text-xs text-rose-800" title={run.errorMessage ?? undefined}>
          {run.errorCode}
        </span>
      )}
    </div>
  );
}

export function CreatedAt({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatAbsoluteTime(at)}>
      {formatRelativeTime(at, now)}
    </time>
  );
}

export function DurationAndCost({ run }: { run: HistoryRun }) {
  const duration = formatDuration(run.startedAt, run.completedAt);
  return (
    <span className="text-xs text-muted">
      {duration && <>{duration} · </>}
      {formatCost(run.costUsd)}
    </span>
  );
}
