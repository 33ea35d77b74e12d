import Link from "next/link";
import { memo } from "react";
import { CreatedAt, DurationAndCost, RunStatusBlock } from "@/components/history/run-facts";
import { RunPreview } from "@/components/history/run-preview";
import { runHref, type HistoryRun } from "@/lib/history/history-run";

interface RowProps {
  run: HistoryRun;
  workspaceName: string;
  projectName: string;
  now: number;
  selected: boolean;
  layout: "list" | "grid";
}

/**
 * One run in the list (details first) or the grid (media first). Memoised: scrolling
 * re-renders the list, and a row whose props did not change must not.
 *
 * A list item whose title is its one link, so the link keeps what links give (open in a new
 * tab, copy the address, a screen reader's list of links). Only the selected run's link is in
 * the tab order: the list is one tab stop, and j/k move it (see HistoryView).
 */
export const HistoryItem = memo(function HistoryItem({
  run,
  workspaceName,
  projectName,
  now,
  selected,
  layout,
  position,
  setSize,
}: RowProps & { position: number; setSize: number }) {
  const names = { workspace: workspaceName, project: projectName };
  const ring = selected ? "ring-2 ring-accent" : "";
  const common = {
    "data-run-row": "",
    "data-position": position,
    "data-run-id": run.runId,
    "data-status": run.status,
    // The keyboard's selection; "current" because a list item cannot be "selected" in ARIA.
    "aria-current": selected ? "true" : undefined,
    // The list is virtual: these say where a row sits in the whole list, not among the rendered few.
    "aria-posinset": position + 1,
    "aria-setsize": setSize,
    role: "listitem",
  } as const;

  const title = (
    <Link href={runHref(run)} prefetch={false} className="font-medium hover:underline" tabIndex={selected ? 0 : -1} data-run-link="">
      {run.title}
    </Link>
  );
  // Technique runs launched without a text input have a launcher but no prompt.
  const launched = (run.prompt !== null || run.launchedBy !== null) && (
    <p className="line-clamp-1 text-xs text-ink/80" title={run.prompt ?? undefined}>
      {run.prompt !== null && <>“{run.prompt}”</>}
      {run.launchedBy && (
        <span className="text-muted">
          {run.prompt !== null && " · "}
          {run.launchedBy}
        </span>
      )}
    </p>
  );

  if (layout === "grid") {
    return (
      <div {...common} className={`flex h-full flex-col gap-2 rounded-lg border border-black/10 bg-white p-2 ${ring}`}>
        <RunPreview output={run.outputs[0]} size="large" active={selected} />
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            {title}
            <p className="truncate text-xs text-muted">
              {names.workspace} / {names.project}
            </p>
          </div>
          <RunStatusBlock run={run} />
        </div>
        {launched}
        <p className="mt-auto text-xs text-muted">
          <CreatedAt at={run.createdAt} now={now} /> · <DurationAndCost run={run} />
        </p>
      </div>
    );
  }

  return (
    <div {...common} className={`flex h-full items-center gap-4 border-b border-black/5 bg-white px-3 ${ring}`}>
      <RunPreview output={run.outputs[0]} size="small" active={selected} />
      <div className="w-28 shrink-0">
        <RunStatusBlock run={run} />
      </div>
      <div className="min-w-0 flex-1">
        {title}
        {launched || <p className="font-mono text-xs text-muted">{run.runId}</p>}
      </div>
      <div className="hidden w-48 shrink-0 text-sm md:block">
        <p className="truncate">{names.workspace}</p>
        <p className="truncate text-xs text-muted">{names.project}</p>
      </div>
      <div className="w-36 shrink-0 text-right text-sm">
        <CreatedAt at={run.createdAt} now={now} />
        <p>
          <DurationAndCost run={run} />
        </p>
      </div>
    </div>
  );
});
