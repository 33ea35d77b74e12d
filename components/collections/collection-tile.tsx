"use client";

import { AppLink } from "@/components/ui/app-link";
import type { KeyboardEvent } from "react";
import { TileMetaLine } from "@/components/history/run-facts";
import { RunPreview } from "@/components/history/run-preview";
import type { RunView } from "@/lib/collections/load-run-views";
import { runHref } from "@/lib/history/history-run";

const small = "rounded border border-black/15 bg-white px-2 py-1 text-xs font-medium hover:bg-black/5 disabled:opacity-40";

interface TileProps {
  view: RunView;
  index: number;
  count: number;
  renderedAt: number;
  canChange: boolean;
  picked: boolean;
  onPick: (picked: boolean) => void;
  onMove: (to: number, control: string) => void;
  onRemove: () => void;
  onDragStart: () => void;
  onDrop: () => void;
}

/**
 * One run of a collection: its preview and facts, linking to its run page; a checkbox picks
 * it for Compare; members move it (the buttons, Alt+arrow keys anywhere in the tile, or by
 * dragging) and remove it.
 */
export function CollectionTile({ view, index, count, renderedAt, canChange, picked, onPick, onMove, onRemove, onDragStart, onDrop }: TileProps) {
  const { run, ref } = view;
  const name = run?.title ?? ref.runId;
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!canChange || !event.altKey || event.ctrlKey || event.metaKey) return;
    const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[event.key];
    if (!step) return;
    event.preventDefault();
    onMove(index + step, (event.target as HTMLElement).dataset.control ?? "link");
  };
  return (
    <li
      data-tile={ref.runId}
      data-position={index}
      aria-label={`${name}, ${index + 1} of ${count}`}
      draggable={canChange}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", ref.runId);
        onDragStart();
      }}
      onDragOver={(event) => {
        if (canChange) event.preventDefault();
      }}
      onDrop={(event) => {
        event.preventDefault();
        onDrop();
      }}
      onKeyDown={onKeyDown}
      className={`flex min-w-0 flex-col gap-2 rounded-lg border p-2 ${picked ? "border-accent ring-2 ring-accent" : "border-black/10"} bg-white`}
    >
      {run ? (
        <AppLink href={runHref(run)} data-control="link" className="flex min-w-0 flex-col gap-2 rounded">
          <RunPreview run={run} size="large" />
          <span className="block min-w-0">
            <span className="block truncate font-medium">{run.title}</span>
            <span className="block truncate text-xs text-muted">{run.prompt !== null ? `“${run.prompt}”` : run.launchedBy ? run.launchedBy : "Launched outside the dashboard"}</span>
          </span>
          <TileMetaLine run={run} renderedAt={renderedAt} />
        </AppLink>
      ) : (
        <AppLink href={runHref({ runId: ref.runId, kind: ref.kind, techniqueId: ref.techniqueId })} data-control="link" className="block rounded bg-black/5 p-3 text-sm">
          <span className="block truncate font-medium">{ref.runId}</span>
          <span className="block text-muted">{view.problem}</span>
        </AppLink>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={picked} onChange={(event) => onPick(event.target.checked)} data-control="pick" />
          Pick <span className="sr-only">{name}</span>
        </label>
        {picked && <span className="rounded-full bg-accent-soft px-2 text-xs font-medium text-accent">Picked</span>}
        {canChange && (
          <span className="ml-auto flex flex-wrap gap-1">
            <button type="button" className={small} data-control="earlier" disabled={index === 0} onClick={() => onMove(index - 1, "earlier")}>
              Move earlier<span className="sr-only"> {name}</span>
            </button>
            <button type="button" className={small} data-control="later" disabled={index === count - 1} onClick={() => onMove(index + 1, "later")}>
              Move later<span className="sr-only"> {name}</span>
            </button>
            <button type="button" className={small} data-control="remove" onClick={onRemove}>
              Remove<span className="sr-only"> {name}</span>
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
