"use client";

import { useEffect, useState } from "react";
import { copyText } from "@/lib/clipboard";

type CopyState = "idle" | "copied" | "failed";

/**
 * A button that copies text and says so in a live region; the label stays the accessible
 * name so tests and screen readers find the button by what it does.
 */
export function CopyButton({
  label,
  text,
  copiedMessage,
  className = "",
}: {
  label: string;
  text: () => string;
  copiedMessage: string;
  className?: string;
}) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 4_000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={async () => setState((await copyText(text())) ? "copied" : "failed")}
        className={`rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5 ${className}`}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-muted">
        {state === "copied" ? copiedMessage : state === "failed" ? "Could not copy; select and copy it by hand." : ""}
      </span>
    </span>
  );
}
