"use client";

import { AppLink } from "@/components/ui/app-link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { CollectionTile } from "@/components/collections/collection-tile";
import { RenameCollection } from "@/components/collections/rename-collection";
import { useCollectionOrder } from "@/components/collections/use-collection-order";
import { ShareControl } from "@/components/sharing/share-run-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { COMPARE_MAX, COMPARE_MIN, compareHref, type CollectionDetail } from "@/lib/collections/collection-rules";
import type { RunView } from "@/lib/collections/load-run-views";
import { deleteCollectionCall } from "@/lib/queries/collections";

/**
 * A collection's page: its runs as a grid in the team's order. Members reorder by dragging a
 * tile, or from the keyboard (each tile's Move earlier/Move later, or Alt+arrows), and every
 * move is announced. Picked tiles (2 to 4) open Compare. The page's own address is the link
 * to share with teammates.
 */
export function CollectionView({ collection, views: initial, canChange, renderedAt }: { collection: CollectionDetail; views: RunView[]; canChange: boolean; renderedAt: number }) {
  const router = useRouter();
  const { views, move, remove, announcement } = useCollectionOrder(collection.id, initial);
  const [picked, setPicked] = useState<string[]>([]);
  // Renamed here: the new name shows at once, before the refreshed page brings it.
  const [name, setName] = useState(collection.name);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const dragged = useRef<string | null>(null);
  /** Where the focus goes back to after a move: moving a node in the DOM drops its focus. */
  const refocus = useRef<{ runId: string; control: string } | null>(null);

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const tile = document.querySelector<HTMLElement>(`[data-tile="${CSS.escape(target.runId)}"]`);
    const control = tile?.querySelector<HTMLElement>(`[data-control="${target.control}"]:not(:disabled)`) ?? tile?.querySelector<HTMLElement>('[data-control="link"]');
    control?.focus();
  }, [views]);

  const pickedViews = views.filter((view) => picked.includes(view.ref.runId));
  const canCompare = pickedViews.length >= COMPARE_MIN && pickedViews.length <= COMPARE_MAX;

  return (
    <section aria-labelledby="page-heading" className="min-w-0 space-y-4">
      <p className="text-sm">
        <AppLink href="/collections" className="underline">
          ← All collections
        </AppLink>
      </p>
      <h1 id="page-heading" className="break-words text-2xl font-semibold">
        {name}
      </h1>
      <p className="text-sm text-muted">
        {views.length === 1 ? "1 run" : `${views.length} runs`} · made by {collection.created_by_email}
      </p>
      <div className="flex flex-wrap items-center gap-3" role="toolbar" aria-label="Collection actions">
        <CopyButton label="Share with teammates" text={() => window.location.href} copiedMessage="Link copied: teammates who sign in can open it." />
        {canChange && <ShareControl subject={{ kind: "collection", collectionId: collection.id }} />}
        {canChange && (
          <RenameCollection
            id={collection.id}
            name={name}
            onRenamed={(renamed) => {
              setName(renamed);
              router.refresh();
            }}
          />
        )}
        {canCompare ? (
          <AppLink href={compareHref(pickedViews.map((view) => view.ref))} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white">
            Compare {pickedViews.length} picked
          </AppLink>
        ) : (
          <span className="text-sm text-muted">Pick {COMPARE_MIN} to {COMPARE_MAX} runs to compare them.</span>
        )}
        {collection.can_delete && (
          <button
            type="button"
            className="ml-auto rounded-md border border-rose-300 px-3 py-1.5 text-sm text-rose-800 hover:bg-rose-50"
            onClick={() => {
              setDeleteError(null);
              setDeleting(true);
            }}
          >
            Delete collection
          </button>
        )}
      </div>
      {deleteError && (
        <p role="alert" className="text-sm text-rose-800">
          {deleteError}
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${name}”?`}
          confirmLabel="Delete collection"
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            setDeleting(false);
            try {
              await deleteCollectionCall(collection.id);
              router.push("/collections");
              router.refresh();
            } catch (caught) {
              setDeleteError(caught instanceof Error ? caught.message : "Could not delete the collection.");
            }
          }}
        >
          <p>Its runs stay in the history, and its public links stop working. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {canChange && views.length > 1 && (
        <p className="text-sm text-muted" id="reorder-help">
          Drag a tile to reorder, or use its Move buttons; Alt+arrow keys move the focused tile.
        </p>
      )}
      <p role="status" aria-live="polite" className="sr-only" data-testid="order-announcement">
        {announcement}
      </p>
      {views.length === 0 ? (
        <p>This collection is empty. Add runs from a run’s page or by picking them in the history.</p>
      ) : (
        <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" aria-label={`Runs in ${name}`} aria-describedby={canChange ? "reorder-help" : undefined}>
          {views.map((view, index) => (
            <CollectionTile
              key={view.ref.runId}
              view={view}
              index={index}
              count={views.length}
              renderedAt={renderedAt}
              canChange={canChange}
              picked={picked.includes(view.ref.runId)}
              onPick={(on) => setPicked((current) => (on ? [...current, view.ref.runId] : current.filter((id) => id !== view.ref.runId)))}
              onMove={(to, control) => {
                refocus.current = { runId: view.ref.runId, control };
                void move(view.ref.runId, to);
              }}
              onRemove={() => void remove(view.ref.runId)}
              onDragStart={() => {
                dragged.current = view.ref.runId;
              }}
              onDrop={() => {
                if (dragged.current && dragged.current !== view.ref.runId) void move(dragged.current, index);
                dragged.current = null;
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
