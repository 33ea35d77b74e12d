"use client";

import { lazy, Suspense, useState } from "react";
import type { RunToAdd } from "@/lib/queries/collections";

// The dialog's code loads when it is first opened, not with the page. React.lazy, not
// next/dynamic: the dialog never renders on the server, and next/dynamic's loader costs the
// page 2 kB of first-load JavaScript (npm run bench:first-load).
const AddToCollectionDialog = lazy(() => import("@/components/collections/add-to-collection-dialog"));

/** "Add to collection…" for one or more runs, with what happened said in a live region. */
export function AddToCollectionButton({ runs, label = "Add to collection", className = "", disabled = false }: { runs: RunToAdd[]; label?: string; className?: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          setMessage("");
          setOpen(true);
        }}
        className={`rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5 disabled:opacity-50 ${className}`}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-muted">
        {message}
      </span>
      {open && (
        <Suspense fallback={null}>
          <AddToCollectionDialog
            runs={runs}
            onClose={(result) => {
              setOpen(false);
              if (result) setMessage(result);
            }}
          />
        </Suspense>
      )}
    </span>
  );
}
