import { AppLink } from "@/components/ui/app-link";
import { memo, type ReactNode } from "react";
import { Cost, CreatedAt, Duration, RunStatusBlock, TileMetaLine } from "@/components/history/run-facts";
import { RunPreview } from "@/components/history/run-preview";
import { runHref, type HistoryRun } from "@/lib/history/history-run";

interface RowProps {
  run: HistoryRun;
  workspaceName: string;
  projectName: string;
  renderedAt: number;
  selected: boolean;
  layout: "list" | "grid";
  position: number;
  setSize: number;
  /** In the multi-selection (see use-picked-runs.ts): shown as a "Picked" badge, read as part of the link. */
  picked?: boolean;
}

/**
 * One run in the list (details first) or the grid (media first). Memoised: scrolling
 * re-renders the list, and a row whose props did not change must not.
 *
 * A list item that is one link, the whole row: the one control in it, so the list has no
 * nested controls, and the link keeps what links give (open in a new tab, copy the address).
 * Only the selected run's link is in the tab order: the list is one tab stop, and j/k or the
 * arrow keys move it (see HistoryView). No fixed height: the list measures its rows.
 */
export const HistoryItem = memo(function HistoryItem({ run, workspaceName, projectName, renderedAt, selected, layout, position, setSize, picked = false }: RowProps) {
  const common = {
    "data-run-row": "",
    "data-position": position,
    "data-run-id": run.runId,
    "data-status": run.status,
    "data-picked": picked || undefined,
    // The keyboard's selection; "current" because a list item cannot be "selected" in ARIA.
    "aria-current": selected ? "true" : undefined,
    // The list is virtual: these say where a row sits in the whole list, not among the rendered few.
    "aria-posinset": position + 1,
    "aria-setsize": setSize,
    role: "listitem",
  } as const;
  const link = { href: runHref(run), tabIndex: selected ? 0 : -1 } as const;

  const title = (
    <span className="flex min-w-0 items-baseline gap-2">
      <span className="truncate font-medium" data-part="title" title={run.modelId && run.modelId !== run.title ? run.modelId : undefined}>
        {run.title}
      </span>
      {run.outputType && <span className="shrink-0 text-xs text-muted">{run.outputType}</span>}
      {picked && (
        <span className="shrink-0 rounded-full bg-accent px-2 text-xs font-medium text-white" data-part="picked">
          Picked
        </span>
      )}
    </span>
  );
  // Technique runs launched without a text input have a launcher but no prompt; FLORA returns
  // neither for a run launched elsewhere, so the row says where it came from instead.
  const launched =
    run.prompt !== null || run.launchedBy !== null ? (
      <span className="block truncate text-xs text-ink/80" title={run.prompt ?? undefined}>
        {run.prompt !== null && <>“{run.prompt}”</>}
        {run.launchedBy && (
          <span className="text-muted">
            {run.prompt !== null && " · "}
            {run.launchedBy}
            {run.viaToken && ` via token ‘${run.viaToken}’`}
          </span>
        )}
        {run.launchState && <span className="block text-amber-800">{LAUNCH_STATE_TEXT[run.launchState]}</span>}
      </span>
    ) : (
      <span className="block truncate text-xs text-muted" data-part="outside">
        Launched outside the dashboard
      </span>
    );

  if (layout === "grid") {
    return (
      <div {...common} className="min-w-0">
        <RowTarget
          {...link}
          unlinked={run.launchState !== undefined}
          className={`flex h-full flex-col gap-2 rounded-lg border p-2 ${selected ? "border-accent bg-accent-soft ring-2 ring-accent" : "border-black/10 bg-white hover:border-black/30"}`}
        >
          <RunPreview run={run} size="large" active={selected} />
          <span className="block min-w-0">
            {title}
            <span className="block truncate text-xs text-muted">
              {workspaceName} / {projectName}
            </span>
          </span>
          {launched}
          <TileMetaLine run={run} renderedAt={renderedAt} className="mt-auto" />
        </RowTarget>
      </div>
    );
  }

  // Below md a row stacks: the thumbnail beside the title (and prompt), then one meta line.
  // From md the meta line's parts become columns of the row (its wrapper is `display: contents`),
  // narrower ones until lg, so a tablet still has room for the title.
  return (
    <div {...common}>
      <RowTarget
        {...link}
        unlinked={run.launchState !== undefined}
        className={`grid grid-cols-[3.5rem_minmax(0,1fr)] items-start gap-x-3 gap-y-1 border-b border-l-4 border-b-black/5 px-3 py-2.5 md:grid-cols-[3.5rem_minmax(0,1fr)_6.5rem_8rem_8rem] md:items-center md:gap-x-3 lg:grid-cols-[3.5rem_minmax(0,1fr)_7.5rem_11rem_9.5rem] lg:gap-x-4 ${
          selected ? "border-l-accent bg-accent-soft" : "border-l-transparent bg-white hover:bg-black/[0.02]"
        }`}
      >
        <span className="row-span-2 md:row-span-1">
          <RunPreview run={run} size="small" active={selected} />
        </span>
        <span className="block min-w-0">
          {title}
          {launched}
        </span>
        <span className="col-start-2 flex min-w-0 items-center gap-2 whitespace-nowrap text-xs text-muted md:contents">
          <span className="shrink-0 md:col-start-3 md:row-start-1">
            <RunStatusBlock run={run} />
          </span>
          <span className="hidden min-w-0 text-sm text-ink md:col-start-4 md:row-start-1 md:block">
            <span className="block truncate">{workspaceName}</span>
            <span className="block truncate text-xs text-muted">{projectName}</span>
          </span>
          <span className="flex min-w-0 flex-1 items-center gap-2 md:col-start-5 md:row-start-1 md:flex-col md:items-end md:gap-0 md:text-sm md:text-ink">
            <span className="min-w-0 truncate">
              <CreatedAt at={run.createdAt} renderedAt={renderedAt} />
            </span>
            <span className="ml-auto flex shrink-0 gap-1 text-xs text-muted md:ml-0">
              <span className="hidden sm:inline md:inline">
                <Duration run={run} />
              </span>
              <Cost run={run} />
            </span>
          </span>
        </span>
      </RowTarget>
    </div>
  );
});

const LAUNCH_STATE_TEXT = {
  pending: "Launching: FLORA has not answered yet",
  unconfirmed: "FLORA's answer was lost; the run is not found yet",
} as const;

/**
 * The row's one control: a link to the run, or, for a launch FLORA has not confirmed (a
 * search row), the same box without a link (there is no run page yet), still focusable so
 * the keyboard's selection can land on it.
 */
function RowTarget({ href, tabIndex, unlinked, className, children }: { href: string; tabIndex: number; unlinked: boolean; className: string; children: ReactNode }) {
  if (unlinked) {
    return (
      <span tabIndex={tabIndex} data-run-link="" className={className}>
        {children}
      </span>
    );
  }
  return (
    <AppLink href={href} prefetch={false} tabIndex={tabIndex} data-run-link="" className={className}>
      {children}
    </AppLink>
  );
}
