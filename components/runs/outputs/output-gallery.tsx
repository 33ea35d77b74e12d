"use client";

import { useState } from "react";
import { Lightbox, type LightboxItem } from "@/components/runs/outputs/lightbox";
import { OutputFigure } from "@/components/runs/outputs/output-figure";
import { outputNames, type DeclaredOutput } from "@/components/runs/outputs/output-names";
import { archivedMediaHref } from "@/lib/archive/hrefs";
import type { RunOutput } from "@/lib/flora/wire";
import { outputDownloadHref, type RunRef } from "@/lib/runs/run-ref";
import { toSafeHttpUrl } from "@/lib/safe-url";

/**
 * Every output of a run, each previewed by its type under its name (a technique's declared
 * names), with its facts and its own download; the images open in one lightbox.
 */
export function OutputGallery({
  runRef,
  outputs,
  declared,
  canUseAsInput,
  archivedOutputIds = [],
}: {
  runRef: RunRef;
  outputs: RunOutput[];
  declared: DeclaredOutput[] | null;
  canUseAsInput: boolean;
  /** Shown from the archive (our origin), which outlives FLORA's URLs. */
  archivedOutputIds?: string[];
}) {
  const [shown, setShown] = useState<number | null>(null);
  const names = outputNames(outputs, declared);
  // Documents keep FLORA's URL for their preview: the frame shows the media host's page, and
  // API answers (the archive's included) may not be framed. Their download still comes
  // from the archive.
  const fromArchive = (output: RunOutput) => output.type !== "documentUrl" && archivedOutputIds.includes(output.output_id);
  const srcs = outputs.map((output) =>
    output.type === "text" ? null : fromArchive(output) ? archivedMediaHref(runRef.runId, output.output_id) : toSafeHttpUrl(output.url),
  );
  const poster = outputs.map((output, index) => (output.type === "imageUrl" ? srcs[index] : null)).find(Boolean) ?? undefined;
  const images: Array<LightboxItem & { outputIndex: number }> = [];
  outputs.forEach((output, index) => {
    const src = srcs[index];
    if (output.type === "imageUrl" && src) {
      images.push({ src, name: names[index]!, downloadHref: outputDownloadHref(runRef, output.output_id), outputIndex: index });
    }
  });
  return (
    <>
      <ul className={`grid gap-4 ${outputs.length > 1 ? "md:grid-cols-2" : ""}`}>
        {outputs.map((output, index) => (
          <li key={output.output_id} className="min-w-0">
            <OutputFigure
              output={output}
              name={names[index]!}
              src={srcs[index] ?? null}
              downloadHref={outputDownloadHref(runRef, output.output_id)}
              poster={poster}
              canUseAsInput={canUseAsInput}
              onOpen={() => setShown(images.findIndex((image) => image.outputIndex === index))}
            />
          </li>
        ))}
      </ul>
      <Lightbox items={images} index={shown} onIndex={setShown} onClose={() => setShown(null)} />
    </>
  );
}
