"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { COLLECTION_NAME_MAX } from "@/lib/collections/collection-rules";
import { addRunsCall, collectionKeys, collectionListOptions, createCollectionCall, type RunToAdd } from "@/lib/queries/collections";

/**
 * "Add to collection": a modal <dialog> (the browser traps focus and Escape closes it) that
 * lists the collections to pick from, or makes a new one, then adds the runs. Loaded lazily
 * by its callers: the history and the run page ship none of this until it is opened.
 */
export default function AddToCollectionDialog({ runs, onClose }: { runs: RunToAdd[]; onClose: (message: string | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const list = useQuery(collectionListOptions());
  const [chosen, setChosen] = useState<string>("");
  const [newName, setNewName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const nameId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const collections = list.data?.collections ?? [];
  const target = chosen || (collections[0]?.id ?? "new");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let id = target;
      let name = collections.find((collection) => collection.id === target)?.name ?? "";
      if (target === "new") {
        const created = await createCollectionCall(newName);
        id = created.collection.id;
        name = created.collection.name;
      }
      const { added } = await addRunsCall(id, runs);
      await queryClient.invalidateQueries({ queryKey: collectionKeys.all });
      const count = added.length;
      onClose(count === 0 ? `Already in “${name}”.` : `Added ${count === 1 ? "1 run" : `${count} runs`} to “${name}”.`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not add to the collection.");
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={() => onClose(null)}
      className="w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-black/10 bg-white p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      <form onSubmit={submit} className="space-y-4 p-4">
        <h2 id={headingId} className="text-lg font-semibold">
          Add {runs.length === 1 ? "this run" : `${runs.length} runs`} to a collection
        </h2>
        {list.isPending ? (
          <p aria-busy="true">Loading collections…</p>
        ) : list.isError ? (
          <p role="alert">Could not load the collections: {list.error.message}</p>
        ) : !list.data.can_change ? (
          <p>Viewers can see collections; only members and admins change them.</p>
        ) : (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Collection</legend>
            <ul className="max-h-60 space-y-1 overflow-y-auto">
              {collections.map((collection) => (
                <li key={collection.id}>
                  <label className="flex items-center gap-2 rounded px-1 py-1 hover:bg-black/5">
                    <input type="radio" name="collection" value={collection.id} checked={target === collection.id} onChange={() => setChosen(collection.id)} />
                    <span className="min-w-0 break-words">{collection.name}</span>
                    <span className="ml-auto shrink-0 text-xs text-muted">{collection.run_count} runs</span>
                  </label>
                </li>
              ))}
              <li>
                <label className="flex items-center gap-2 rounded px-1 py-1 hover:bg-black/5">
                  <input type="radio" name="collection" value="new" checked={target === "new"} onChange={() => setChosen("new")} />
                  <span>A new collection</span>
                </label>
              </li>
            </ul>
            {target === "new" && (
              <div className="space-y-1">
                <label htmlFor={nameId} className="block text-sm font-medium">
                  New collection’s name
                </label>
                <input
                  id={nameId}
                  value={newName}
                  onChange={(event) => setNewName(event.target.value)}
                  required
                  maxLength={COLLECTION_NAME_MAX}
                  className="w-full rounded-md border border-black/20 px-2 py-1.5"
                />
              </div>
            )}
          </fieldset>
        )}
        {error && <p role="alert" className="text-sm text-rose-800">{error}</p>}
        <div className="flex flex-wrap items-center justify-end gap-2">
          <AppLink href="/collections" className="mr-auto text-sm underline">
            All collections
          </AppLink>
          <button type="button" onClick={() => ref.current?.close()} className="rounded-md border border-black/15 px-3 py-1.5 text-sm">
            Cancel
          </button>
          {list.data?.can_change && (
            <button type="submit" disabled={busy} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
              {busy ? "Adding…" : "Add"}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
