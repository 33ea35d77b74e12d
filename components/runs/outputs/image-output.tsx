"use client";

import { useRef } from "react";

/** A fitted preview; a click opens the full-size image in a modal dialog (Escape closes it). */
export function ImageOutput({ src, name }: { src: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label={`Open ${name} full size`}
        className="block w-full overflow-hidden rounded bg-black/5"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
        <img src={src} alt={name} className="mx-auto max-h-96 w-auto object-contain" />
      </button>
      <dialog
        ref={dialog}
        aria-label={`${name}, full size`}
        onClick={(event) => {
          // A click on the backdrop (the dialog itself, outside its content) closes it.
          if (event.target === dialog.current) close();
        }}
        className="m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-black/80"
      >
        <div className="flex flex-col items-end gap-2 p-4">
          <button type="button" onClick={close} autoFocus className="rounded-md bg-white px-3 py-1.5 text-sm font-medium">
            Close
          </button>
          {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
          <img src={src} alt={`${name}, full size`} className="max-h-[85vh] max-w-[92vw] object-contain" />
        </div>
      </dialog>
    </>
  );
}
