import { DocumentOutput } from "@/components/runs/outputs/document-output";
import { DownloadLink } from "@/components/runs/outputs/download-link";
import { ImageOutput } from "@/components/runs/outputs/image-output";
import { RefusedOutput } from "@/components/runs/outputs/refused-output";
import { TextOutput } from "@/components/runs/outputs/text-output";
import type { RunOutput } from "@/lib/flora/schemas";
import { OUTPUT_KIND } from "@/lib/runs/output-files";
import { outputDownloadHref, type RunRef } from "@/lib/runs/run-ref";
import { toSafeHttpUrl } from "@/lib/safe-url";

/** Every output of a run, each previewed by its type, with its own download. */
export function OutputGallery({ runRef, outputs }: { runRef: RunRef; outputs: RunOutput[] }) {
  const poster = outputs.map((output) => (output.type === "imageUrl" ? toSafeHttpUrl(output.url) : null)).find(Boolean) ?? undefined;
  return (
    <ul className={`grid gap-4 ${outputs.length > 1 ? "md:grid-cols-2" : ""}`}>
      {outputs.map((output, index) => (
        <li key={output.output_id}>
          <OutputFigure runRef={runRef} output={output} index={index} poster={poster} />
        </li>
      ))}
    </ul>
  );
}

function OutputFigure({ runRef, output, index, poster }: { runRef: RunRef; output: RunOutput; index: number; poster: string | undefined }) {
  const kind = OUTPUT_KIND[output.type];
  const name = `${kind} output ${index + 1}`;
  const downloadHref = outputDownloadHref(runRef, output.output_id);
  const src = output.type === "text" ? null : toSafeHttpUrl(output.url);
  const refused = output.type !== "text" && !src;
  return (
    <figure className="space-y-2 rounded-lg border border-black/10 bg-white p-3">
      <figcaption className="flex items-center justify-between gap-2 text-sm">
        <span className="font-medium first-letter:uppercase">{name}</span>
        {!refused && <DownloadLink href={downloadHref} label={`Download ${name}`} />}
      </figcaption>
      {output.type === "text" ? (
        <TextOutput text={output.url} name={name} />
      ) : !src ? (
        <RefusedOutput url={output.url} name={name} />
      ) : output.type === "imageUrl" ? (
        <ImageOutput src={src} name={name} />
      ) : output.type === "videoUrl" ? (
        <video controls preload="metadata" poster={poster} src={src} aria-label={name} className="max-h-96 w-full rounded bg-black">
          Your browser cannot play this video; download it instead.
        </video>
      ) : output.type === "audioUrl" ? (
        <audio controls preload="metadata" src={src} aria-label={name} className="w-full">
          Your browser cannot play this audio; download it instead.
        </audio>
      ) : (
        <DocumentOutput src={src} name={name} downloadHref={downloadHref} />
      )}
    </figure>
  );
}
