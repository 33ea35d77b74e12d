"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { COLLECTION_NAME_MAX } from "@/lib/collections/collection-rules";
import { DashboardApiError } from "@/lib/queries/fetch-json";
import { renameCollectionCall } from "@/lib/queries/collections";

/** What to say under the field: the name's own error when the envelope has one. */
function messageOf(caught: unknown): string {
  if (caught instanceof DashboardApiError) return caught.fields.find((field) => field.field === "name")?.message ?? caught.message;
  return "Could not rename the collection.";
}

/**
 * "Rename" on a collection's page: a button that turns into a one-field form. Escape or
 * Cancel puts the button back, with the focus on it; a refusal (an empty or too long name,
 * a viewer, a collection deleted meanwhile) is said under the field.
 */
export function RenameCollection({ id, name, onRenamed }: { id: string; name: string; onRenamed: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Set when the form closes: the focus goes back to the button once it is there again. */
  const focusButton = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
    else if (focusButton.current) {
      focusButton.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const close = () => {
    focusButton.current = true;
    setEditing(false);
    setError(null);
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    // Said here, not by the browser's bubble, and nothing is sent.
    if (!next) {
      setError("A collection needs a name.");
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { collection } = await renameCollectionCall(id, next);
      onRenamed(collection.name);
      setDone(`Renamed to “${collection.name}”.`);
      close();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {editing ? (
        <form
          onSubmit={save}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
          aria-label="Rename the collection"
          noValidate
          className="flex w-full flex-wrap items-end gap-2"
        >
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <label htmlFor="rename-collection-name" className="text-sm font-medium">
              Collection’s new name
            </label>
            <input
              ref={input}
              id="rename-collection-name"
              name="name"
              defaultValue={name}
              maxLength={COLLECTION_NAME_MAX}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "rename-collection-error" : undefined}
              className="w-full min-w-0 rounded-md border border-black/20 px-2 py-1.5"
            />
          </div>
          <button type="submit" disabled={busy} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {busy ? "Saving…" : "Save name"}
          </button>
          <button type="button" onClick={close} className="rounded-md border border-black/15 px-3 py-1.5 text-sm">
            Cancel
          </button>
          {error && (
            <p id="rename-collection-error" role="alert" className="w-full text-sm text-rose-800">
              {error}
            </p>
          )}
        </form>
      ) : (
        <button
          ref={button}
          type="button"
          onClick={() => {
            setDone("");
            setEditing(true);
          }}
          className="rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5"
        >
          Rename
        </button>
      )}
      <span role="status" className="text-sm text-muted">
        {done}
      </span>
    </>
  );
}
