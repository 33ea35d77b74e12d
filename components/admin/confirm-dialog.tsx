"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Cancel, Escape or a click on the backdrop. */
  onCancel: () => void;
}

/**
 * A modal question, shown while it is rendered. The native dialog keeps focus inside,
 * closes on Escape and gives focus back to what had it; Cancel comes first, so it is what
 * a stray Enter presses.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const answered = useRef(false);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
      cancel.current?.focus();
    }
    // No cleanup: a dialog leaves the top layer when React removes it.
  }, []);

  function answer(confirmed: boolean) {
    if (answered.current) return;
    answered.current = true;
    dialog.current?.close();
    if (confirmed) onConfirm();
    else onCancel();
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={() => answer(false)}
      onClick={(event) => event.target === event.currentTarget && answer(false)}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-ink shadow-xl backdrop:bg-black/50"
    >
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="space-y-2 text-sm">{children}</div>
        <div className="flex justify-end gap-2 pt-2">
          <button ref={cancel} type="button" onClick={() => answer(false)} className="rounded-md border border-black/20 px-3 py-2 text-sm font-medium hover:bg-black/5">
            Cancel
          </button>
          <button type="button" onClick={() => answer(true)} className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-white">
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
