"use client";

import { CREDENTIAL_STATUS_LABELS, RevokeButton, When } from "@/components/ui/credential-cells";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { PublicToken } from "@/lib/tokens/token-view";

/** Every token the teammate may see; admins get an Owner column and may revoke any. */
export function TokenTable({ tokens, showOwner, onRevoke }: { tokens: PublicToken[]; showOwner: boolean; onRevoke: (token: PublicToken) => void }) {
  if (tokens.length === 0) return <p className="text-sm text-muted">No tokens yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-black/10 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Access tokens</caption>
        <thead className="bg-black/5 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            {showOwner && <th scope="col" className="px-3 py-2">Owner</th>}
            <th scope="col" className="px-3 py-2">Prefix</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Created</th>
            <th scope="col" className="px-3 py-2">Expires</th>
            <th scope="col" className="px-3 py-2">Last used</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-black/5">
              <th scope="row" className="px-3 py-2 font-medium [overflow-wrap:anywhere]">{token.name}</th>
              {showOwner && <td className="px-3 py-2 break-all">{token.owner_email}</td>}
              <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-3 py-2">{ROLE_LABELS[token.role]}</td>
              <td className="px-3 py-2"><When at={token.created_at} never="" /></td>
              <td className="px-3 py-2"><When at={token.expires_at} never="Never" /></td>
              <td className="px-3 py-2"><When at={token.last_used_at} never="Not yet" /></td>
              <td className="px-3 py-2">{CREDENTIAL_STATUS_LABELS[token.status]}</td>
              <td className="px-3 py-2">
                {token.status === "active" && <RevokeButton label={`Revoke ${token.name} (${token.prefix})`} onClick={() => onRevoke(token)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
