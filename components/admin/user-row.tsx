"use client";

import { useState } from "react";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/users/user-api";

interface UserRowProps {
  user: PublicUser;
  isMe: boolean;
  onRoleChange: (role: string) => void;
  onToggleDisabled: () => void;
  onRemove: () => void;
}

export function UserRow({ user, isMe, onRoleChange, onToggleDisabled, onRemove }: UserRowProps) {
  const [confirming, setConfirming] = useState(false);
  const button = "rounded-md border border-black/20 px-2 py-1 text-xs font-medium hover:bg-black/5";
  return (
    <tr className="border-t border-black/5" data-user-email={user.email}>
      <td className="px-3 py-2">
        {user.email}
        {isMe && <span className="ml-2 text-xs text-muted">(you)</span>}
        {user.demo && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">demo</span>}
      </td>
      <td className="px-3 py-2">{user.name ?? ""}</td>
      <td className="px-3 py-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          onChange={(event) => onRoleChange(event.target.value)}
          className="rounded-md border border-black/20 px-2 py-1"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2">{user.disabled ? "Disabled" : "Active"}</td>
      <td className="px-3 py-2">
        <div className="flex gap-2">
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
