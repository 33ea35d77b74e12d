import { ProgressBar } from "@/components/runs/progress-bar";
import { StatusBadge } from "@/components/runs/status-badge";
import { LocalTime } from "@/components/ui/local-time";
import { formatCost, formatDuration } from "@/lib/format";
import { isActiveStatus } from "@/lib/flora/wire";
import type { HistoryRun } from "@/lib/history/history-run";

/** Status, progress and error of a run, as every history layout shows them. */
export function RunStatusBlock({ run }: { run: HistoryRun }) {
  return (
    <span className="flex flex-col items-start gap-1">
      <StatusBadge status={run.status} />
      {isActiveStatus(run.status) && <ProgressBar value={run.progress} label={`Progress of ${run.runId}`} />}
      {run.errorCode && (
        <span className="max-w-full truncate text-xs text-rose-800" title={run.errorMessage ?? undefined}>
          {run.errorCode}
        </span>
      )}
    </span>
  );
}

/** "3 minutes ago", ticking while it is recent; the local date and time, and UTC, on hover. */
export function CreatedAt({ at, renderedAt }: { at: number; renderedAt: number }) {
  return <LocalTime iso={new Date(at).toISOString()} relative renderedAt={renderedAt} />;
}

/** "4.2 s ·", to sit before the cost; nothing when the run has no span yet. */
export function Duration({ run }: { run: HistoryRun }) {
  const duration = formatDuration(run.startedAt, run.completedAt);
  return duration ? <>{duration} ·</> : null;
}

/** The cost, never cut short: it does not shrink when the line is tight. */
export function Cost({ run }: { run: HistoryRun }) {
  return <span className="shrink-0 tabular-nums">{formatCost(run.costUsd)}</span>;
}

/** A tile's bottom line: the status, when it was made, and the cost at the end. */
export function TileMetaLine({ run, renderedAt, className = "" }: { run: HistoryRun; renderedAt: number; className?: string }) {
  return (
    <span className={`flex min-w-0 items-center gap-2 whitespace-nowrap text-xs text-muted ${className}`}>
      <StatusBadge status={run.status} />
      <span className="min-w-0 truncate">
        <CreatedAt at={run.createdAt} renderedAt={renderedAt} />
      </span>
      <span className="ml-auto">
        <Cost run={run} />
      </span>
    </span>
  );
}
