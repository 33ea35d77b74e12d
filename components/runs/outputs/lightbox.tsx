"use client";

import { useEffect, useRef } from "react";

export interface LightboxItem {
  src: string;
  name: string;
  downloadHref: string;
}

const buttonClass = "rounded-md bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-white/90";

/**
 * The run's images full size, one at a time, in a modal dialog: Previous and Next (also the
 * arrow keys) step through them, Download saves the one shown, Escape or a click on the
 * backdrop closes it and focus returns to the preview that opened it.
 */
export function Lightbox({
  items,
  index,
  onIndex,
  onClose,
}: {
  items: LightboxItem[];
  index: number | null;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const item = index === null ? undefined : items[index];
  const open = item !== undefined;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const several = items.length > 1;
  const step = (delta: number) => {
    if (index === null || !several) return;
    onIndex((index + delta + items.length) % items.length);
  };

  return (
    <dialog
      ref={dialog}
      aria-label={item ? `${item.name}, full size` : "Image, full size"}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (event.target === dialog.current) dialog.current?.close();
      }}
      onKeyDown={(event) => {
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
          event.preventDefault();
          step(event.key === "ArrowRight" ? 1 : -1);
        }
      }}
      className="m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-black/80"
    >
      {item && (
        <div className="flex max-w-[96vw] flex-col items-center gap-2 p-2 sm:p-4">
          <div className="flex w-full flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-white first-letter:uppercase" aria-live="polite">
              {item.name}
              {several && <span className="text-white/70"> · {(index ?? 0) + 1} of {items.length}</span>}
            </p>
            <div className="flex flex-wrap gap-2">
              {several && (
                <>
                  <button type="button" onClick={() => step(-1)} aria-keyshortcuts="ArrowLeft" className={buttonClass}>
                    <span aria-hidden="true">← </span>Previous
                  </button>
                  <button type="button" onClick={() => step(1)} aria-keyshortcuts="ArrowRight" className={buttonClass}>
                    Next<span aria-hidden="true"> →</span>
                  </button>
                </>
              )}
              <a href={item.downloadHref} download className={buttonClass}>
                Download
              </a>
              <button type="button" onClick={() => dialog.current?.close()} autoFocus className={buttonClass}>
                Close
              </button>
            </div>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
          <img src={item.src} alt={`${item.name}, full size`} className="max-h-[80vh] max-w-[92vw] object-contain" />
        </div>
      )}
    </dialog>
  );
}
