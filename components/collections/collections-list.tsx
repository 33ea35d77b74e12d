"use client";

import { AppLink } from "@/components/ui/app-link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { COLLECTION_NAME_MAX, type CollectionSummary } from "@/lib/collections/collection-rules";
import { createCollectionCall } from "@/lib/queries/collections";

/** The /collections page: every collection, newest change first, and a form to make one. */
export function CollectionsList({ collections, canChange }: { collections: CollectionSummary[]; canChange: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { collection } = await createCollectionCall(name);
      router.push(`/collections/${collection.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not make the collection.");
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="page-heading" className="space-y-6">
      <h1 id="page-heading" className="text-2xl font-semibold">
        Collections
      </h1>
      {canChange ? (
        <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm">
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label htmlFor="new-collection-name" className="text-sm font-medium">
              New collection’s name
            </label>
            <input
              id="new-collection-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              maxLength={COLLECTION_NAME_MAX}
              className="w-full min-w-0 rounded-md border border-black/20 px-2 py-1.5"
            />
          </div>
          <button type="submit" disabled={busy} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {busy ? "Making…" : "Make collection"}
          </button>
          {error && (
            <p role="alert" className="w-full text-sm text-rose-800">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p className="text-sm text-muted">Viewers can see collections; members and admins make and change them.</p>
      )}
      {collections.length === 0 ? (
        <p>No collections yet. Pick runs in the history (x, or Ctrl-click) or use “Add to collection” on a run’s page.</p>
      ) : (
        <ul className="divide-y divide-black/5 rounded-lg bg-white shadow-sm" aria-label="Collections">
          {collections.map((collection) => (
            <li key={collection.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-3">
              <AppLink href={`/collections/${collection.id}`} className="min-w-0 break-words font-medium underline-offset-2 hover:underline">
                {collection.name}
              </AppLink>
              <span className="text-sm text-muted">{collection.run_count === 1 ? "1 run" : `${collection.run_count} runs`}</span>
              <span className="text-sm text-muted">
                by {collection.created_by_email}, changed <LocalTime iso={new Date(collection.updated_at).toISOString()} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
