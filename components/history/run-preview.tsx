"use client";

import { useEffect, useRef } from "react";
import type { RunOutput } from "@/lib/flora/schemas";
import { toSafeHttpUrl } from "@/lib/safe-url";

const ICONS = { audioUrl: ["♪", "Audio output"], documentUrl: ["▤", "Document output"] } as const;

/** A run's first output, small: image thumbnail, muted video on hover or focus, icons, text. */
export function RunPreview({ output, size, active = false }: { output: RunOutput | undefined; size: "small" | "large"; active?: boolean }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  // The keyboard's selection counts as focus: a selected run's video plays, muted.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (active) void video.play().catch(() => undefined);
    else video.pause();
  }, [active]);
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
    const play = () => void videoRef.current?.play().catch(() => undefined);
    const pause = () => videoRef.current?.pause();
    return (
      <div className={frame}>
        <video
          ref={videoRef}
          src={src}
          muted
          loop
          playsInline
          preload="metadata"
          aria-label="Video output (plays on hover or focus)"
          tabIndex={-1}
          onMouseEnter={play}
          onMouseLeave={pause}
          onFocus={play}
          onBlur={pause}
          className="h-full w-full object-cover"
        />
      </div>
    );
  }
  const [glyph, label] = ICONS[output.type];
  return (
    <div className={`${frame} text-xl text-muted`} role="img" aria-label={label}>
      {glyph}
    </div>
  );
}
