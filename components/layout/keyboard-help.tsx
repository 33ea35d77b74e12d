"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { isTypingTarget } from "@/components/layout/shortcuts";

/**
 * `?` anywhere (but in a field) opens the list of shortcuts, and so does the header's `?`
 * button. A native modal dialog: focus moves in, Escape closes it, focus goes back. The
 * list itself comes rendered from the server (`children`: <ShortcutList />), so only the
 * button and the key listener ship to the browser on every page.
 */
export function KeyboardHelp({ children }: { children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || dialog.current?.open) return;
      event.preventDefault();
      dialog.current?.showModal();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-keyshortcuts="Shift+?"
        title="Keyboard shortcuts (?)"
        className="hidden h-9 w-9 items-center justify-center rounded-md text-sm font-semibold text-muted hover:bg-white hover:text-ink md:inline-flex"
      >
        <span aria-hidden="true">?</span>
        <span className="sr-only">Keyboard shortcuts</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="keyboard-help-title"
        // A click on the backdrop lands on the dialog itself: close, as Escape does.
        onClick={(event) => event.target === event.currentTarget && event.currentTarget.close()}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-ink shadow-xl backdrop:bg-black/50"
      >
        <div className="space-y-4 p-5">
          <div className="flex items-center justify-between gap-4">
            <h2 id="keyboard-help-title" className="text-lg font-semibold">
              Keyboard shortcuts
            </h2>
            <form method="dialog">
              <button type="submit" className="rounded-md px-2 py-1 text-sm font-medium text-muted hover:bg-black/5 hover:text-ink">
                Close
              </button>
            </form>
          </div>
          {children}
        </div>
      </dialog>
    </>
  );
}
