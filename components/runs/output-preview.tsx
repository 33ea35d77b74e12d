import type { RunOutput } from "@/lib/flora/schemas";
import { toSafeHttpUrl } from "@/lib/safe-url";

const ICONS: Record<Exclude<RunOutput["type"], "imageUrl" | "text">, { glyph: string; label: string }> = {
  videoUrl: { glyph: "▶", label: "Video output" },
  audioUrl: { glyph: "♪", label: "Audio output" },
  documentUrl: { glyph: "▤", label: "Document output" },
};

/** A small, static preview of a run's first output; run pages show the real media. */
export function OutputPreview({ output }: { output: RunOutput | undefined }) {
  const frame = "flex h-12 w-12 shrink-0 items-center justify-center overflow-hidden rounded bg-black/5";
  if (!output) return <div className={frame} aria-hidden="true" />;

  if (output.type === "text") {
    // Text outputs are untrusted: React renders them as text, never as markup.
    return (
      <div className={`${frame} p-1 text-[9px] leading-tight text-muted`} title={output.url.slice(0, 200)}>
        <span className="line-clamp-3 break-all">{output.url}</span>
      </div>
    );
  }

  if (output.type === "imageUrl") {
    const src = toSafeHttpUrl(output.url);
    if (!src) return <div className={`${frame} text-xs text-rose-700`}>Refused</div>;
    return (
      <div className={frame}>
        {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
        <img src={src} alt="Image output" loading="lazy" width={48} height={48} className="h-12 w-12 object-cover" />
      </div>
    );
  }

  const icon = ICONS[output.type];
  return (
    <div className={`${frame} text-lg text-muted`} role="img" aria-label={icon.label}>
      {icon.glyph}
    </div>
  );
}
