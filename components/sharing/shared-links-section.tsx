"use client";

import { useEffect, useId, useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { shareLinksApi } from "@/components/sharing/share-links-api";
import { AppLink } from "@/components/ui/app-link";
import { CREDENTIAL_STATUS_LABELS, RevokeButton, When } from "@/components/ui/credential-cells";
import type { PublicLinkView } from "@/lib/sharing/link-rules";

function subjectHref(link: PublicLinkView): string {
  if (link.subject.kind === "collection") return `/collections/${encodeURIComponent(link.subject.collection_id)}`;
  const run = encodeURIComponent(link.subject.run_id);
  return link.subject.technique_id ? `/technique-runs/${encodeURIComponent(link.subject.technique_id)}/${run}` : `/runs/${run}`;
}
const subjectName = (link: PublicLinkView) => (link.subject.kind === "collection" ? `Collection ${link.subject.collection_id}` : `Run ${link.subject.run_id}`);

/**
 * The account page's "Shared links": your public links (what, created, expires, opened,
 * status) with Revoke behind a confirmation; admins can switch to everyone's.
 */
export function SharedLinksSection({ isAdmin }: { isAdmin: boolean }) {
  const [all, setAll] = useState(false);
  const [links, setLinks] = useState<PublicLinkView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [revoking, setRevoking] = useState<PublicLinkView | null>(null);
  const toggleId = useId();

  // Bumped after a revocation, to read the list again.
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    shareLinksApi.list(all).then(
      (answer) => {
        if (!current) return;
        setLinks(answer.links);
        setFailure(null);
      },
      (error: unknown) => {
        if (current) setFailure(error instanceof Error ? error.message : "The links could not be loaded.");
      },
    );
    return () => {
      current = false;
    };
  }, [all, reloads]);

  async function revoke(link: PublicLinkView) {
    setRevoking(null);
    try {
      await shareLinksApi.revoke(link.id);
      setNotice(`The link to ${subjectName(link)} is revoked: it no longer opens.`);
      setReloads((count) => count + 1);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "The link could not be revoked.");
    }
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">Public links to runs, for people outside the team. Revoking one stops it at once.</p>
      {isAdmin && (
        <label htmlFor={toggleId} className="inline-flex items-center gap-2 text-sm">
          <input id={toggleId} type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
          All: everyone&apos;s links
        </label>
      )}
      <p role="status" className="text-sm">
        {notice}
      </p>
      {failure && (
        <p role="alert" className="rounded bg-rose-50 p-2 text-sm text-rose-900">
          {failure}
        </p>
      )}
      {links === null ? (
        <p className="text-sm text-muted" aria-busy="true">
          Loading your shared links…
        </p>
      ) : links.length === 0 ? (
        <p className="text-sm text-muted">No shared links yet. Make one with Share publicly on a run&apos;s page.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-black/10 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Shared links</caption>
            <thead className="bg-black/5 text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">What</th>
                {all && <th scope="col" className="px-3 py-2">Made by</th>}
                <th scope="col" className="px-3 py-2">Created</th>
                <th scope="col" className="px-3 py-2">Expires</th>
                <th scope="col" className="px-3 py-2">Opened</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id} className="border-t border-black/5">
                  <th scope="row" className="px-3 py-2 font-medium [overflow-wrap:anywhere]">
                    <AppLink href={subjectHref(link)} className="text-accent underline underline-offset-2">
                      {subjectName(link)}
                    </AppLink>
                    <span className="block font-mono text-xs font-normal text-muted">{link.prefix}…{link.show_prompt ? " · prompt shown" : ""}</span>
                  </th>
                  {all && <td className="px-3 py-2 break-all">{link.created_by_email}</td>}
                  <td className="px-3 py-2"><When at={link.created_at} never="" /></td>
                  <td className="px-3 py-2"><When at={link.expires_at} never="Never" /></td>
                  <td className="px-3 py-2">
                    <When at={link.opened_at} never="Not yet" />
                    {link.open_count > 0 && <span className="block text-xs text-muted">{link.open_count === 1 ? "once" : `${link.open_count} times`}</span>}
                  </td>
                  <td className="px-3 py-2">{CREDENTIAL_STATUS_LABELS[link.status]}</td>
                  <td className="px-3 py-2">
                    {link.status === "active" && <RevokeButton label={`Revoke the link to ${subjectName(link)} (${link.prefix})`} onClick={() => setRevoking(link)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking && (
        <ConfirmDialog title="Revoke this public link?" confirmLabel="Revoke link" onConfirm={() => void revoke(revoking)} onCancel={() => setRevoking(null)}>
          <p>
            The link to {subjectName(revoking)} ({revoking.prefix}…) will stop working at once for everyone who has it. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
