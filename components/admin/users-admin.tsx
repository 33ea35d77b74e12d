"use client";

import { useState } from "react";
import { AddUserForm } from "@/components/admin/add-user-form";
import { AdminApiError, adminApi } from "@/components/admin/admin-api";
import { UserRow } from "@/components/admin/user-row";
import type { PublicUser } from "@/lib/users/user-api";

interface UsersAdminProps {
  initialUsers: PublicUser[];
  currentUserId: string;
}

/** The admin's users table: add, change role, disable or enable, remove. */
export function UsersAdmin({ initialUsers, currentUserId }: UsersAdminProps) {
  const [users, setUsers] = useState(initialUsers);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function run(action: () => Promise<string>) {
    setMessage(null);
    try {
      setMessage({ text: await action(), error: false });
    } catch (caught) {
      setMessage({ text: caught instanceof AdminApiError ? caught.message : "That did not work.", error: true });
    }
  }

  const replace = (user: PublicUser) => setUsers((current) => current.map((u) => (u.id === user.id ? user : u)));

  return (
    <div className="space-y-6">
      <AddUserForm
        onAdded={(user) => {
          setUsers((current) => [...current, user]);
          setMessage({ text: `Added ${user.email}.`, error: false });
        }}
      />
      <div aria-live="polite">
        {message && (
          <p role={message.error ? "alert" : "status"} data-testid="users-message" className={message.error ? "text-rose-800" : "text-emerald-800"}>
            {message.text}
          </p>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-black/10 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-black/[0.03] text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isMe={user.id === currentUserId}
                onRoleChange={(role) =>
                  run(async () => {
                    replace((await adminApi.change(user.id, { role })).user);
                    return `${user.email} is now ${role}.`;
                  })
                }
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
    </div>
  );
}
