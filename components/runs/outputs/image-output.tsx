"use client";

import { useCallback } from "react";
import type { OutputFacts } from "@/components/runs/outputs/output-facts";

/** A fitted preview; a click opens the run's lightbox at this image. Reports its natural size. */
export function ImageOutput({ src, name, onOpen, onFacts }: { src: string; name: string; onOpen: () => void; onFacts: (facts: OutputFacts) => void }) {
  const report = useCallback(
    (image: HTMLImageElement) => {
      if (image.naturalWidth > 0) onFacts({ width: image.naturalWidth, height: image.naturalHeight });
    },
    [onFacts],
  );
  // An image that loaded before hydration fires no load event React sees: read it on mount.
  const ref = useCallback((image: HTMLImageElement | null) => {
    if (image?.complete) report(image);
  }, [report]);
  return (
    <button type="button" onClick={onOpen} aria-label={`Open ${name} full size`} className="block w-full overflow-hidden rounded bg-black/5">
      {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
      <img ref={ref} src={src} alt={name} onLoad={(event) => report(event.currentTarget)} className="mx-auto max-h-96 w-auto max-w-full object-contain" />
    </button>
  );
}
