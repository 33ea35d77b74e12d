"use client";

import { useState } from "react";
import { AddUserForm } from "@/components/admin/add-user-form";
import { AdminApiError, adminApi } from "@/components/admin/admin-api";
import { signOut } from "@/components/auth/sign-out-button";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { describeRoleChange, type RoleChange } from "@/components/admin/role-change";
import { UserRow } from "@/components/admin/user-row";
import type { PublicUser } from "@/lib/users/user-api";

interface UsersAdminProps {
  initialUsers: PublicUser[];
  currentUserId: string;
  /** Monthly caps in USD by user id (lib/budgets/caps.ts). */
  budgets: Record<string, number>;
}

type Message = { text: string; error: boolean };

/** The admin's users table: add, change role (after a confirmation), disable or enable, remove. */
export function UsersAdmin({ initialUsers, currentUserId, budgets }: UsersAdminProps) {
  const [users, setUsers] = useState(initialUsers);
  const [message, setMessage] = useState<Message | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);

  // Whatever worked last is what the page says: an older failure, here or in the form, goes.
  function succeeded(text: string) {
    setFormError(null);
    setMessage({ text, error: false });
  }

  async function run(action: () => Promise<string>) {
    setMessage(null);
    try {
      succeeded(await action());
    } catch (caught) {
      setMessage({ text: caught instanceof AdminApiError ? caught.message : "That did not work.", error: true });
    }
  }

  const replace = (user: PublicUser) => setUsers((current) => current.map((u) => (u.id === user.id ? user : u)));

  function changeRole({ userId, email, to, isMe }: RoleChange) {
    void run(async () => {
      replace((await adminApi.change(userId, { role: to })).user);
      // A new role ends that teammate's sessions (lib/users/users.ts), yours too: rather
      // than leave a header that still says admin, sign out now and say why.
      if (isMe) await signOut("/sign-in?notice=role-changed");
      return `${email} is now ${to}.`;
    });
  }

  const confirmation = roleChange && describeRoleChange(roleChange);

  return (
    <div className="space-y-6">
      <AddUserForm
        error={formError}
        onError={setFormError}
        onAdded={(user) => {
          setUsers((current) => [...current, user]);
          succeeded(`Added ${user.email}.`);
        }}
      />
      <div aria-live="polite">
        {message && (
          <p role={message.error ? "alert" : "status"} data-testid="users-message" className={message.error ? "text-rose-800" : "text-emerald-800"}>
            {message.text}
          </p>
        )}
      </div>
      <div className="rounded-lg border border-black/10 bg-white">
        <table className="block w-full text-left text-sm md:table">
          <caption className="sr-only">Users</caption>
          {/* Below md the rows are cards that name their own fields; the headings stay for screen readers. */}
          <thead className="sr-only bg-black/[0.03] text-xs uppercase tracking-wide text-muted md:not-sr-only md:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Monthly budget</th>
              <th scope="col" className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody className="block md:table-row-group [&>tr:first-child]:border-t-0 md:[&>tr:first-child]:border-t">
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isMe={user.id === currentUserId}
                budget={budgets[user.id] ?? null}
                onRoleChange={(role) => setRoleChange({ userId: user.id, email: user.email, from: user.role, to: role, isMe: user.id === currentUserId })}
                onToggleDisabled={() =>
                  run(async () => {
                    const updated = (await adminApi.change(user.id, { disabled: !user.disabled })).user;
                    replace(updated);
                    return `${updated.disabled ? "Disabled" : "Enabled"} ${user.email}.`;
                  })
                }
                onRemove={() =>
                  run(async () => {
                    await adminApi.remove(user.id);
                    setUsers((current) => current.filter((u) => u.id !== user.id));
                    return `Removed ${user.email}.`;
                  })
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      {roleChange && confirmation && (
        <ConfirmDialog
          title={confirmation.title}
          confirmLabel={confirmation.confirmLabel}
          onCancel={() => setRoleChange(null)}
          onConfirm={() => {
            setRoleChange(null);
            changeRole(roleChange);
          }}
        >
          {confirmation.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </ConfirmDialog>
      )}
    </div>
  );
}
