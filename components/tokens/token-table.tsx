"use client";

import { LocalTime } from "@/components/ui/local-time";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { PublicToken, TokenStatus } from "@/lib/tokens/token-view";

const STATUS_LABELS: Record<TokenStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

const When = ({ at, never }: { at: number | null; never: string }) => (at === null ? <>{never}</> : <LocalTime iso={new Date(at).toISOString()} />);

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
              <td className="px-3 py-2">{STATUS_LABELS[token.status]}</td>
              <td className="px-3 py-2">
                {token.status === "active" && (
                  <button
                    type="button"
                    onClick={() => onRevoke(token)}
                    aria-label={`Revoke ${token.name} (${token.prefix})`}
                    className="rounded-md border border-rose-700/40 px-2 py-1 text-xs font-medium text-rose-800 hover:bg-rose-50"
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
