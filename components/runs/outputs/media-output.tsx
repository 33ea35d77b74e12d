"use client";

import { useCallback } from "react";
import type { OutputFacts } from "@/components/runs/outputs/output-facts";

type Media = HTMLVideoElement | HTMLAudioElement;

const factsOf = (media: Media): OutputFacts => ({
  duration: Number.isFinite(media.duration) ? media.duration : undefined,
  ...(media instanceof HTMLVideoElement && media.videoWidth > 0 && { width: media.videoWidth, height: media.videoHeight }),
});

/** Reports a player's duration (and a video's size) once its metadata is in, even if that was before hydration. */
function useMediaFacts(onFacts: (facts: OutputFacts) => void) {
  const report = useCallback((media: Media) => onFacts(factsOf(media)), [onFacts]);
  const ref = useCallback(
    (media: Media | null) => {
      if (media && media.readyState >= HTMLMediaElement.HAVE_METADATA) report(media);
    },
    [report],
  );
  return { ref, onLoadedMetadata: (event: React.SyntheticEvent<Media>) => report(event.currentTarget), onDurationChange: (event: React.SyntheticEvent<Media>) => report(event.currentTarget) };
}

export function VideoOutput({ src, name, poster, onFacts }: { src: string; name: string; poster: string | undefined; onFacts: (facts: OutputFacts) => void }) {
  const { ref, ...handlers } = useMediaFacts(onFacts);
  return (
    <video ref={ref} controls preload="metadata" poster={poster} src={src} aria-label={name} className="max-h-96 w-full rounded bg-black" {...handlers}>
      Your browser cannot play this video; download it instead.
    </video>
  );
}

export function AudioOutput({ src, name, onFacts }: { src: string; name: string; onFacts: (facts: OutputFacts) => void }) {
  const { ref, ...handlers } = useMediaFacts(onFacts);
  return (
    <audio ref={ref} controls preload="metadata" src={src} aria-label={name} className="w-full" {...handlers}>
      Your browser cannot play this audio; download it instead.
    </audio>
  );
}
