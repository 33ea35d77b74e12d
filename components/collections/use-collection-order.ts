"use client";

import { useState } from "react";
import { moveRunCall, removeRunCall } from "@/lib/queries/collections";
import type { RunView } from "@/lib/collections/load-run-views";

/**
 * The collection's order in the page, changed at once and then saved: a move the server
 * refuses (a teammate removed the run meanwhile) puts the order back and says why. Each
 * change is announced in `announcement`, for the page's live region.
 */
export function useCollectionOrder(collectionId: string, initial: RunView[]) {
  const [views, setViews] = useState(initial);
  const [announcement, setAnnouncement] = useState("");

  const nameOf = (view: RunView) => view.run?.title ?? view.ref.runId;

  async function move(runId: string, to: number) {
    const from = views.findIndex((view) => view.ref.runId === runId);
    const index = Math.min(Math.max(0, to), views.length - 1);
    if (from === -1 || index === from) return;
    const before = views;
    const next = [...views];
    const moved = next.splice(from, 1)[0]!;
    next.splice(index, 0, moved);
    setViews(next);
    setAnnouncement(`Moved ${nameOf(moved)} to position ${index + 1} of ${next.length}.`);
    try {
      await moveRunCall(collectionId, runId, index);
    } catch (error) {
      setViews(before);
      setAnnouncement(`Could not move ${nameOf(moved)}: ${error instanceof Error ? error.message : "the change was not saved"}.`);
    }
  }

  async function remove(runId: string) {
    const view = views.find((candidate) => candidate.ref.runId === runId);
    if (!view) return;
    try {
      await removeRunCall(collectionId, runId);
      setViews((current) => current.filter((candidate) => candidate.ref.runId !== runId));
      setAnnouncement(`Removed ${nameOf(view)} from the collection.`);
    } catch (error) {
      setAnnouncement(`Could not remove ${nameOf(view)}: ${error instanceof Error ? error.message : "try again"}.`);
    }
  }

  return { views, move, remove, announcement };
}
