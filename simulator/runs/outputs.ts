import type { GenerationRetrieveResponse } from "@flora-ai/flora/resources/generations";
import { seededText } from "../seed/sample-texts";
import type { OutputType, RunRecord } from "./run-record";

export type RunOutput = GenerationRetrieveResponse.Output;

export const MEDIA_EXTENSION: Record<Exclude<OutputType, "text">, string> = {
  imageUrl: "png",
  videoUrl: "webm",
  audioUrl: "wav",
  documentUrl: "pdf",
};

/** Media lives outside /api/v1 and needs no key, like FLORA's CDN URLs. */
export function mediaUrl(publicUrl: string, runId: string, index: number, type: Exclude<OutputType, "text">): string {
  return `${publicUrl}/media/runs/${runId}/${index}.${MEDIA_EXTENSION[type]}`;
}

/**
 * What `[unsafe-urls]` puts in place of media URLs: a script URL, a relative path, another
 * scheme and a data: document, none of which a client may put into src or href.
 */
export const UNSAFE_URLS: Record<Exclude<OutputType, "text">, (runId: string, index: number) => string> = {
  imageUrl: () => "javascript:alert(document.domain)",
  videoUrl: (runId, index) => `/media/runs/${runId}/${index}.webm`,
  audioUrl: (runId, index) => `ftp://media.invalid/runs/${runId}/${index}.wav`,
  documentUrl: () => "data:application/pdf;base64,JVBERi0xLjQK",
};

export function outputsOf(run: RunRecord, publicUrl: string): RunOutput[] {
  return run.outputs.map((type, index) => ({
    output_id: `out_${run.id.slice(4)}_${index + 1}`,
    type,
    // For text outputs FLORA puts the text itself in url.
    url:
      type === "text"
        ? (run.text ?? seededText(run.id))
        : run.unsafeUrls
          ? UNSAFE_URLS[type](run.id, index)
          : mediaUrl(publicUrl, run.id, index, type),
  }));
}
