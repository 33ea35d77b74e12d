"use client";

import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * The new token, shown this once: the store keeps only its hash, so nobody (not even an
 * admin) can show it again. Focus moves here so a keyboard or screen-reader user lands on it.
 */
export function NewTokenNotice({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="new-token-heading" className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4">
      <h2 id="new-token-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Copy your new token “{name}” now
      </h2>
      <p className="text-sm">
        It is shown only this once and cannot be shown again. Keep it like a password: anyone who has it acts as you. Use it as{" "}
        <code>FLORA_API_KEY</code>, with <code>FLORA_BASE_URL</code> set to this dashboard&apos;s <code>/api/v1</code>.
      </p>
      <label className="block space-y-1 text-sm font-medium">
        <span>New token</span>
        <input readOnly value={token} onFocus={(event) => event.currentTarget.select()} className="w-full rounded-md border border-black/20 bg-white px-3 py-2 font-mono text-sm" />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton label="Copy token" text={() => token} copiedMessage="Token copied." />
        <button type="button" onClick={onDone} className="rounded-md border border-black/20 px-3 py-1.5 text-sm font-medium hover:bg-black/5">
          I have stored it
        </button>
      </div>
    </section>
  );
}
