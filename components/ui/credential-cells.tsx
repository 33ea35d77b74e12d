"use client";

import { LocalTime } from "@/components/ui/local-time";

/** Access tokens and public links: each is active until it expires or is revoked. */
export const CREDENTIAL_STATUS_LABELS = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

/** A date cell: the local date and time, or what to say when there is none ("Never", "Not yet"). */
export function When({ at, never }: { at: number | null; never: string }) {
  return at === null ? <>{never}</> : <LocalTime iso={new Date(at).toISOString()} />;
}

/** The row's Revoke button (only for an active one); `label` names what it revokes for a screen reader. */
export function RevokeButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className="rounded-md border border-rose-700/40 px-2 py-1 text-xs font-medium text-rose-800 hover:bg-rose-50"
    >
      Revoke
    </button>
  );
}
