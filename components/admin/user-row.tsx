"use client";

import { useState } from "react";
import { CapForm } from "@/components/budgets/cap-form";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/users/user-api";

interface UserRowProps {
  user: PublicUser;
  isMe: boolean;
  /** The teammate's monthly cap in USD; null: none. */
  budget: number | null;
  /** Asks first (components/admin/users-admin.tsx); the select shows the role in force. */
  onRoleChange: (role: Role) => void;
  onToggleDisabled: () => void;
  onRemove: () => void;
}

// Below md each row is a card: the email across the top, then the role and status, then
// the actions, so nothing sits off-screen on a phone. From md up it is a table row.
const cell = "block px-3 md:table-cell md:py-2 md:align-middle";
const button = "rounded-md border border-black/20 px-2 py-1 text-xs font-medium hover:bg-black/5";

export function UserRow({ user, isMe, budget, onRoleChange, onToggleDisabled, onRemove }: UserRowProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr className="grid grid-cols-[1fr_auto] items-center gap-y-2 border-t border-black/5 py-3 md:table-row md:py-0" data-user-email={user.email}>
      <td className={`${cell} col-span-2 min-w-0 break-all font-medium md:font-normal`}>
        {user.email}
        {isMe && <span className="ml-2 text-xs text-muted">(you)</span>}
        {user.demo && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">demo</span>}
      </td>
      <td className={`${cell} col-span-2 text-muted md:text-ink ${user.name ? "" : "hidden md:table-cell"}`}>{user.name ?? ""}</td>
      <td className={cell}>
        {/* "Role" shows on a phone, where no column heading names the select. */}
        <label className="mr-2 text-xs text-muted md:sr-only" htmlFor={`role-${user.id}`}>
          Role<span className="sr-only"> of {user.email}</span>
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          onChange={(event) => onRoleChange(event.target.value as Role)}
          className="rounded-md border border-black/20 bg-white px-2 py-1"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className={`${cell} text-right md:text-left`}>{user.disabled ? "Disabled" : "Active"}</td>
      <td className={`${cell} col-span-2`}>
        <CapForm label={`Monthly budget of ${user.email} (USD)`} path={`/api/admin/users/${encodeURIComponent(user.id)}/budget`} initialUsd={budget} />
      </td>
      <td className={`${cell} col-span-2`}>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={onToggleDisabled} aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}>
            {user.disabled ? "Enable" : "Disable"}
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className={`${button} border-rose-300 text-rose-800`}
                onClick={() => {
                  setConfirming(false);
                  onRemove();
                }}
                aria-label={`Confirm removing ${user.email}`}
              >
                Confirm remove
              </button>
              <button type="button" className={button} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className={button} onClick={() => setConfirming(true)} aria-label={`Remove ${user.email}`}>
              Remove
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
