"use client";

import { useState } from "react";
import type { RunOutput } from "@/lib/flora/schemas";
import { toSafeHttpUrl } from "@/lib/safe-url";

const ICONS = { audioUrl: ["♪", "Audio output"], documentUrl: ["▤", "Document output"] } as const;

/** A run's first output, small: image thumbnail, muted video on hover or selection, icons, text. */
export function RunPreview({ output, size, active = false }: { output: RunOutput | undefined; size: "small" | "large"; active?: boolean }) {
  const box = size === "small" ? "h-14 w-14" : "h-40 w-full";
  const frame = `flex ${box} shrink-0 items-center justify-center overflow-hidden rounded bg-black/5`;
  if (!output) return <div className={frame} aria-hidden="true" />;

  if (output.type === "text") {
    // Untrusted text: React renders it as text, never as markup.
    return (
      <div className={`${frame} items-start p-1.5 text-[10px] leading-tight text-muted`}>
        <span className="line-clamp-4 break-words">{output.url}</span>
      </div>
    );
  }
  const src = toSafeHttpUrl(output.url);
  if (!src) return <div className={`${frame} text-xs text-rose-700`}>Refused</div>;

  if (output.type === "imageUrl") {
    return (
      <div className={frame}>
        {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
        <img src={src} alt="Image output" loading="lazy" decoding="async" className="h-full w-full object-cover" />
      </div>
    );
  }
  if (output.type === "videoUrl") {
    return <VideoPreview src={src} frame={frame} active={active} />;
  }
  const [glyph, label] = ICONS[output.type];
  return (
    <div className={`${frame} text-xl text-muted`} role="img" aria-label={label}>
      {glyph}
    </div>
  );
}

/**
 * A video is only mounted while it plays (hover, or the keyboard's selection): a list
 * scrolling past hundreds of <video> elements would spend its frames decoding them. Not
 * focusable itself: the keyboard plays it by selecting its row, so the list stays one tab stop.
 */
function VideoPreview({ src, frame, active }: { src: string; frame: string; active: boolean }) {
  const [hovered, setHovered] = useState(false);
  const playing = hovered || active;
  return (
    <div
      className={`${frame} relative`}
      role="img"
      aria-label="Video output (plays on hover or when selected)"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      {playing ? (
        <video src={src} muted autoPlay loop playsInline preload="auto" className="h-full w-full object-cover" />
      ) : (
        <span aria-hidden="true" className="text-xl text-muted">
          ▶
        </span>
      )}
    </div>
  );
}
