"use client";

import { useCallback, useState } from "react";
import { DocumentOutput } from "@/components/runs/outputs/document-output";
import { DownloadLink } from "@/components/runs/outputs/download-link";
import { ImageOutput } from "@/components/runs/outputs/image-output";
import { AudioOutput, VideoOutput } from "@/components/runs/outputs/media-output";
import { captionFacts, type OutputFacts } from "@/components/runs/outputs/output-facts";
import { RefusedOutput } from "@/components/runs/outputs/refused-output";
import { TextOutput } from "@/components/runs/outputs/text-output";
import { UseAsInput } from "@/components/runs/outputs/use-as-input";
import { useOutputHead } from "@/components/runs/outputs/use-output-head";
import type { RunOutput } from "@/lib/flora/wire";
import { toSafeHttpUrl } from "@/lib/safe-url";

/**
 * One output: its name and facts as the caption, its preview, its download and "Use as input".
 * The figure is named by its caption; the previews carry the output's name as their label.
 */
export function OutputFigure({
  output,
  name,
  src,
  downloadHref,
  poster,
  canUseAsInput,
  onOpen,
}: {
  output: RunOutput;
  name: string;
  /** The http(s) URL to show, or null for text and for a refused URL. */
  src: string | null;
  downloadHref: string;
  poster: string | undefined;
  canUseAsInput: boolean;
  onOpen: () => void;
}) {
  const [media, setMedia] = useState<OutputFacts>({});
  const onFacts = useCallback((facts: OutputFacts) => setMedia((current) => ({ ...current, ...facts })), []);
  const refused = output.type !== "text" && !src;
  const inputUrl = output.type === "text" ? null : toSafeHttpUrl(output.url);
  const head = useOutputHead(output.type === "text" || refused ? null : downloadHref);
  const facts = captionFacts(output, { ...media, ...head });
  const useType = output.type === "imageUrl" ? "image" : output.type === "videoUrl" ? "video" : null;
  return (
    <figure className="min-w-0 space-y-2 rounded-lg border border-black/10 bg-white p-3">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
        <span className="min-w-0">
          <span className="font-medium [overflow-wrap:anywhere] first-letter:uppercase">
            {name}
          </span>
          {facts.length > 0 && (
            <span className="ml-2 text-xs text-muted tabular-nums" data-testid="output-facts">
              {facts.join(" · ")}
            </span>
          )}
        </span>
        {!refused && <DownloadLink href={downloadHref} label={`Download ${name}`} />}
      </figcaption>
      {output.type === "text" ? (
        <TextOutput text={output.url} name={name} />
      ) : !src ? (
        <RefusedOutput url={output.url} name={name} />
      ) : output.type === "imageUrl" ? (
        <ImageOutput src={src} name={name} onOpen={onOpen} onFacts={onFacts} />
      ) : output.type === "videoUrl" ? (
        <VideoOutput src={src} name={name} poster={poster} onFacts={onFacts} />
      ) : output.type === "audioUrl" ? (
        <AudioOutput src={src} name={name} onFacts={onFacts} />
      ) : (
        <DocumentOutput src={src} name={name} downloadHref={downloadHref} />
      )}
      {/* FLORA's own URL: FLORA cannot fetch the archive's same-origin copy. */}
      {canUseAsInput && inputUrl && useType && <UseAsInput url={inputUrl} type={useType} name={name} />}
    </figure>
  );
}
