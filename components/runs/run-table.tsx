import { OutputPreview } from "@/components/runs/output-preview";
import { ProgressBar } from "@/components/runs/progress-bar";
import { StatusBadge } from "@/components/runs/status-badge";
import { formatAbsoluteTime, formatCost, formatDuration, formatRelativeTime } from "@/lib/format";
import type { RunRow } from "@/lib/runs/run-row";

interface RunTableProps {
  caption: string;
  titleHeading: string;
  rows: RunRow[];
  now: number;
}

/** The server-rendered run list of the shell pages; the history issue replaces it. */
export function RunTable({ caption, titleHeading, rows, now }: RunTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-black/10 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-black/[0.03] text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Preview</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">{titleHeading}</th>
            <th scope="col" className="px-3 py-2">Workspace / project</th>
            <th scope="col" className="px-3 py-2">Created</th>
            <th scope="col" className="px-3 py-2">Duration</th>
            <th scope="col" className="px-3 py-2 text-right">Cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.runId} className="border-t border-black/5 align-middle" data-run-id={row.runId}>
              <td className="px-3 py-2">
                <OutputPreview output={row.outputs[0]} />
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-col items-start gap-1">
                  <StatusBadge status={row.status} />
                  {(row.status === "pending" || row.status === "running") && (
                    <ProgressBar value={row.progress} label={`Progress of ${row.runId}`} />
                  )}
                  {row.errorCode && (
                    <span className="text-xs text-rose-800" title={row.errorMessage ?? undefined}>
                      {row.errorCode}
                    </span>
                  )}
                </div>
              </td>
              <td className="px-3 py-2">
                <div className="font-medium">{row.title}</div>
                <div className="font-mono text-xs text-muted">{row.runId}</div>
              </td>
              <td className="px-3 py-2">
                <div>{row.workspaceName}</div>
                <div className="text-xs text-muted">{row.projectName}</div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={new Date(row.createdAt).toISOString()} title={formatAbsoluteTime(row.createdAt)}>
                  {formatRelativeTime(row.createdAt, now)}
                </time>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDuration(row.startedAt, row.completedAt)}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap">{formatCost(row.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
