"use client";

import { AppLink } from "@/components/ui/app-link";
import { AddToCollectionButton } from "@/components/collections/add-to-collection-button";
import { ShareRunControl } from "@/components/sharing/share-run-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { outputDownloadHref, type RunRef } from "@/lib/runs/run-ref";

const buttonClass = "rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5";

/** Copy link, Share publicly (members and admins), Run again (when the record knows how), Download all (once there are outputs). */
export function RunActions({
  runRef,
  runAgainHref,
  hasOutputs,
  notify,
  canShare = false,
}: {
  runRef: RunRef;
  runAgainHref: string | null;
  hasOutputs: boolean;
  notify: React.ReactNode;
  /** Members and admins may make a public link (the API refuses viewers too). */
  canShare?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Run actions">
      <CopyButton label="Copy link" text={() => window.location.href} copiedMessage="Link copied." />
      {canShare && <ShareRunControl runRef={runRef} />}
      <AddToCollectionButton runs={[{ run_id: runRef.runId, technique_id: runRef.techniqueId }]} />
      {runAgainHref && (
        <AppLink href={runAgainHref} className={buttonClass}>
          Run again
        </AppLink>
      )}
      {hasOutputs && (
        <a href={outputDownloadHref(runRef)} download className={buttonClass}>
          Download all outputs
        </a>
      )}
      {notify}
    </div>
  );
}

/** Offers notifications while the run is going; polling continues slowly in the background once allowed. */
export function NotifyControl({ permission, onRequest }: { permission: NotificationPermission | "unsupported"; onRequest: () => void }) {
  if (permission === "unsupported") return null;
  if (permission === "granted") {
    return <span className="text-sm text-muted">You will be notified if this run ends while the tab is in the background.</span>;
  }
  if (permission === "denied") {
    return <span className="text-sm text-muted">Notifications are blocked for this site in your browser.</span>;
  }
  return (
    <button type="button" onClick={onRequest} className={buttonClass}>
      Notify me when it ends
    </button>
  );
}
