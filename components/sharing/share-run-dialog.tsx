"use client";

import { useEffect, useId, useRef, useState } from "react";
import { shareLinksApi, type ShareSubject } from "@/components/sharing/share-links-api";
import { CopyButton } from "@/components/ui/copy-button";
import { LINK_EXPIRY_DAYS, type LinkExpiryDays } from "@/lib/sharing/link-rules";
import type { RunRef } from "@/lib/runs/run-ref";

const buttonClass = "rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5";
const DEFAULT_DAYS: LinkExpiryDays = 7;
const EXPIRY_LABELS: Record<LinkExpiryDays, string> = { 1: "1 day", 7: "7 days", 30: "30 days" };

const WHAT: Record<ShareSubject["kind"], { title: string; shows: string }> = {
  run: { title: "Share this run publicly", shows: "this run's outputs, its type, model and date" },
  collection: { title: "Share this collection publicly", shows: "this collection's name and its runs' outputs, types, models and dates" },
};

/**
 * "Share publicly": a native dialog (focus kept inside, Escape closes, focus returns to the
 * button) that makes a public link and shows its URL once, with a copy button.
 */
export function ShareControl({ subject }: { subject: ShareSubject }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => setOpen(true)} aria-haspopup="dialog">
        Share publicly
      </button>
      {open && <ShareDialog subject={subject} onClose={() => setOpen(false)} />}
    </>
  );
}

export const ShareRunControl = ({ runRef }: { runRef: RunRef }) => <ShareControl subject={{ kind: "run", runRef }} />;

function ShareDialog({ subject, onClose }: { subject: ShareSubject; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const checkedChoice = useRef<HTMLInputElement>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [days, setDays] = useState<LinkExpiryDays>(DEFAULT_DAYS);
  const [showPrompt, setShowPrompt] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
      // The checked expiry takes focus: arrows change it, Tab moves on to the prompt choice.
      checkedChoice.current?.focus();
    }
  }, []);

  useEffect(() => {
    if (url) urlField.current?.focus();
  }, [url]);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    try {
      const created = await shareLinksApi.create(subject, { expires_days: days, show_prompt: showPrompt });
      setUrl(created.url);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "The link could not be made.");
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => event.target === event.currentTarget && dialog.current?.close()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-ink shadow-xl backdrop:bg-black/50"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {WHAT[subject.kind].title}
        </h2>
        {url === null ? (
          <form onSubmit={(event) => void create(event)} className="space-y-4 text-sm">
            <p className="text-muted">Anyone with the link can see {WHAT[subject.kind].shows}, without signing in.</p>
            <fieldset className="space-y-1">
              <legend className="font-medium">Expires after</legend>
              <div className="flex flex-wrap gap-4">
                {LINK_EXPIRY_DAYS.map((choice) => (
                  <label key={choice} className="inline-flex items-center gap-2">
                    <input
                      ref={choice === DEFAULT_DAYS ? checkedChoice : undefined}
                      type="radio"
                      name="expires_days"
                      value={choice}
                      checked={days === choice}
                      onChange={() => setDays(choice)}
                    />
                    {EXPIRY_LABELS[choice]}
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={showPrompt} onChange={(event) => setShowPrompt(event.target.checked)} />
              Show the prompt
            </label>
            {failure && (
              <p role="alert" className="rounded bg-rose-50 p-2 text-rose-900">
                {failure}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-black/20 px-3 py-2 font-medium hover:bg-black/5">
                Cancel
              </button>
              <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-2 font-medium text-white disabled:opacity-60">
                {pending ? "Creating…" : "Create link"}
              </button>
            </div>
          </form>
        ) : (
          <div className="space-y-3 text-sm">
            <label className="block space-y-1">
              <span className="font-medium">Public link</span>
              <input ref={urlField} readOnly value={url} onFocus={(event) => event.target.select()} className="block w-full rounded-md border border-black/20 px-2 py-1.5 font-mono text-xs" />
            </label>
            <p role="status">Copy it now: it will not be shown again. You can revoke it from your account page.</p>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CopyButton label="Copy public link" text={() => url} copiedMessage="Link copied." />
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-black/20 px-3 py-2 font-medium hover:bg-black/5">
                Done
              </button>
            </div>
          </div>
        )}
      </div>
    </dialog>
  );
}
