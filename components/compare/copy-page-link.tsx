"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** "Copy link" for the page's own address; a client component, since it reads the browser's location. */
export function CopyPageLink({ label = "Copy link", copiedMessage = "Link copied." }: { label?: string; copiedMessage?: string }) {
  return <CopyButton label={label} text={() => window.location.href} copiedMessage={copiedMessage} />;
}
