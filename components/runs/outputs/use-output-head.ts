"use client";

import { useEffect, useState } from "react";

export interface OutputHead {
  contentType?: string;
  bytes?: number;
}

/**
 * The content type and size one output downloads with, from a HEAD to the dashboard's own
 * download route (the browser may not ask the media host: connect-src is 'self'). Nothing
 * when it fails: the caption then leaves those facts out.
 */
export function useOutputHead(downloadHref: string | null): OutputHead {
  const [head, setHead] = useState<OutputHead>({});
  useEffect(() => {
    if (!downloadHref) return;
    const controller = new AbortController();
    fetch(downloadHref, { method: "HEAD", signal: controller.signal })
      .then((response) => {
        if (!response.ok) return;
        // Next drops Content-Length from route answers; the route names the size itself.
        const length = Number(response.headers.get("x-output-bytes") ?? NaN);
        setHead({
          contentType: response.headers.get("content-type") ?? undefined,
          bytes: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
        });
      })
      .catch(() => {});
    return () => controller.abort();
  }, [downloadHref]);
  return head;
}
