"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { recentOutputsQuery, type MediaKind } from "@/lib/queries/recent-outputs";

/**
 * "Pick from history": recent image or video outputs of the team, shown as thumbnails;
 * choosing one puts its URL into the field. Loaded only when opened.
 */
export function HistoryPicker({ kind, fieldName, onPick, disabled }: { kind: MediaKind; fieldName: string; onPick: (url: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const outputs = useQuery({ ...recentOutputsQuery(kind), enabled: open });
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="rounded-md border border-black/15 bg-white px-3 py-1 text-sm font-medium"
      >
        Pick from history<span className="sr-only"> for {fieldName}</span>
      </button>
      {open && (
        <div id={panelId} role="group" aria-label={`Recent ${kind} outputs for ${fieldName}`} className="rounded-md border border-black/10 bg-white p-2">
          {outputs.isPending ? (
            <p className="text-sm text-muted">Loading recent {kind}s…</p>
          ) : outputs.isError ? (
            <p className="text-sm text-rose-800">The history could not be read just now. Paste a URL instead, or try again.</p>
          ) : outputs.data.length === 0 ? (
            <p className="text-sm text-muted">No recent {kind} outputs.</p>
          ) : (
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-6">
              {outputs.data.map((output, index) => (
                <li key={output.url}>
                  <button
                    type="button"
                    onClick={() => {
                      onPick(output.url);
                      setOpen(false);
                    }}
                    aria-label={`Use ${kind} ${index + 1} (from ${output.runId})`}
                    className="block w-full overflow-hidden rounded border border-black/10 hover:ring-2 hover:ring-accent"
                  >
                    {kind === "image" ? (
                      // eslint-disable-next-line @next/next/no-img-element -- media hosts are FLORA's, outside next/image's loader
                      <img src={output.url} alt="" loading="lazy" className="aspect-square w-full object-cover" />
                    ) : (
                      <video src={output.url} preload="metadata" muted playsInline aria-hidden="true" className="aspect-square w-full object-cover" />
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
