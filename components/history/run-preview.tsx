"use client";

import { useState } from "react";
import type { HistoryRun } from "@/lib/history/history-run";
import { isActiveStatus } from "@/lib/flora/wire";
import { toSafeHttpUrl } from "@/lib/safe-url";

const ICONS = { audioUrl: ["♪", "Audio output"], documentUrl: ["▤", "Document output"] } as const;

type PreviewRun = Pick<HistoryRun, "outputs" | "status" | "progress" | "errorCode" | "thumb">;

/**
 * A run's first output, small (list) or large (grid): image thumbnail, video (a poster frame
 * in the grid; playing, muted, on hover or selection), icons, text. A run with nothing to
 * show yet shows where it is: its progress while running, an error mark once failed.
 */
export function RunPreview({ run, size, active = false }: { run: PreviewRun; size: "small" | "large"; active?: boolean }) {
  const box = size === "small" ? "h-14 w-14" : "h-40 w-full";
  const frame = `flex ${box} shrink-0 items-center justify-center overflow-hidden rounded bg-black/5`;
  const output = run.outputs[0];
  if (!output) {
    if (run.status === "failed") return <ErrorMark frame={frame} size={size} code={run.errorCode} />;
    if (isActiveStatus(run.status) && size === "large") return <ProgressFace frame={frame} progress={run.progress} pending={run.status === "pending"} />;
    return <div className={frame} aria-hidden="true" />;
  }

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
    // The archive's thumbnail when there is one: sized for the row or the tile, and it
    // outlives FLORA's URL.
    const thumb = run.thumb ? (size === "small" ? run.thumb.row : run.thumb.grid) : src;
    return (
      <div className={frame}>
        {/* eslint-disable-next-line @next/next/no-img-element -- upstream media hosts are not known at build time */}
        <img src={thumb} alt="Image output" loading="lazy" decoding="async" className="h-full w-full object-cover" />
      </div>
    );
  }
  if (output.type === "videoUrl") {
    return <VideoPreview src={src} frame={frame} active={active} poster={size === "large"} />;
  }
  const [glyph, label] = ICONS[output.type];
  return (
    <div className={`${frame} text-xl text-muted`} role="img" aria-label={label}>
      {glyph}
    </div>
  );
}

function ErrorMark({ frame, size, code }: { frame: string; size: "small" | "large"; code: string | null }) {
  return (
    <div className={`${frame} flex-col gap-1 bg-rose-50 text-rose-800`} role="img" aria-label={`Failed${code ? `: ${code}` : ""}`}>
      <span aria-hidden="true" className={size === "large" ? "text-3xl" : "text-xl"}>
        ⚠
      </span>
      {size === "large" && code && <span className="max-w-full truncate px-2 text-xs">{code}</span>}
    </div>
  );
}

/** The grid's face of a run still working: its progress, large, where its output will be. */
function ProgressFace({ frame, progress, pending }: { frame: string; progress: number; pending: boolean }) {
  const rounded = Math.round(progress);
  return (
    <div className={`${frame} flex-col gap-2 bg-sky-50 text-sky-900`} aria-hidden="true">
      <span className="text-2xl font-semibold tabular-nums">{pending ? "Queued" : `${rounded}%`}</span>
      <span className="h-1.5 w-2/3 overflow-hidden rounded-full bg-black/10">
        <span className="block h-full bg-accent transition-[width]" style={{ width: `${rounded}%` }} />
      </span>
    </div>
  );
}

/**
 * In the list a video is only mounted while it plays (hover, or the keyboard's selection): a
 * list scrolling past hundreds of <video> elements would spend its frames decoding them. In
 * the grid (a few tiles on screen) it shows its poster frame, loaded with the metadata only.
 * Never focusable itself, playing or not: the keyboard plays it by selecting its row, so the
 * list stays one tab stop.
 */
function VideoPreview({ src, frame, active, poster }: { src: string; frame: string; active: boolean; poster: boolean }) {
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
        <video src={src} muted autoPlay loop playsInline preload="auto" tabIndex={-1} className="h-full w-full object-cover" />
      ) : poster ? (
        // "#t=0.1": the first frame, even where a browser would otherwise show a blank box.
        <video src={`${src}#t=0.1`} muted playsInline preload="metadata" tabIndex={-1} className="h-full w-full object-cover" data-poster="" />
      ) : (
        <span aria-hidden="true" className="text-xl text-muted">
          ▶
        </span>
      )}
      {!playing && poster && (
        <span aria-hidden="true" className="absolute bottom-1 left-1 rounded bg-black/60 px-1.5 text-xs text-white">
          ▶
        </span>
      )}
    </div>
  );
}
