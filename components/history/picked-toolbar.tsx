"use client";

import { AppLink } from "@/components/ui/app-link";
import { AddToCollectionButton } from "@/components/collections/add-to-collection-button";
import { COMPARE_MAX, COMPARE_MIN, compareHref } from "@/lib/collections/collection-rules";
import type { HistoryRun } from "@/lib/history/history-run";
import { pickedCountText } from "@/components/history/use-picked-runs";

const button = "rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5";

/**
 * What can be done with the picked runs: add them to a collection (the dialog's code loads
 * only when opened), compare 2 to 4 of them, or clear the picks. A labelled region, so a
 * screen reader finds it; the count is announced by the history (HistoryView), whose live
 * region is there before the first pick.
 *
 * It floats at the bottom of the window, over the rows: it appears on the first pick (and
 * its code loads then, see HistoryView), and a bar that took room above the list would move
 * the rows under the pointer between two Ctrl-clicks. The history keeps room for it below
 * the list, so the last rows can still be scrolled clear of it.
 */
export default function PickedToolbar({ runs, onClear }: { runs: HistoryRun[]; onClear: () => void }) {
  const count = runs.length;
  const canCompare = count >= COMPARE_MIN && count <= COMPARE_MAX;
  return (
    <div
      role="region"
      aria-label="Picked runs"
      className="fixed inset-x-0 bottom-4 z-20 mx-auto flex w-fit max-w-[calc(100%-2rem)] flex-wrap items-center gap-2 rounded-lg border border-accent bg-accent-soft p-2 shadow-lg"
    >
      <span className="text-sm font-medium" data-testid="picked-count">
        {pickedCountText(count)}
      </span>
      <AddToCollectionButton runs={runs.map((run) => ({ run_id: run.runId, technique_id: run.techniqueId }))} label="Add to collection…" />
      {canCompare ? (
        <AppLink href={compareHref(runs)} className={button}>
          Compare
        </AppLink>
      ) : (
        <button type="button" disabled className={`${button} opacity-50`} title={`Pick ${COMPARE_MIN} to ${COMPARE_MAX} runs to compare them`}>
          Compare
        </button>
      )}
      <button type="button" onClick={onClear} className={button}>
        Clear
      </button>
    </div>
  );
}
