"use client";

import { useState, type FormEvent } from "react";
import { AdminApiError, adminApi } from "@/components/admin/admin-api";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/users/user-api";

export function AddUserForm({ onAdded }: { onAdded: (user: PublicUser) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const { user } = await adminApi.add({
        email: String(data.get("email") ?? ""),
        name: String(data.get("name") ?? "") || undefined,
        role: String(data.get("role") ?? "viewer"),
        password: String(data.get("password") ?? ""),
      });
      form.reset();
      onAdded(user);
    } catch (caught) {
      const apiError = caught instanceof AdminApiError ? caught : new AdminApiError("Could not add the user.");
      setError(apiError.message);
      setFieldErrors(Object.fromEntries(apiError.fields.map((field) => [field.field, field.message])));
    } finally {
      setPending(false);
    }
  }

  const field = "w-full rounded-md border border-black/20 px-3 py-2";
  return (
    <form onSubmit={onSubmit} aria-label="Add a user" className="grid gap-3 rounded-lg border border-black/10 bg-white p-4 md:grid-cols-5">
      <h2 className="text-lg font-medium md:col-span-5">Add a user</h2>
      <div className="space-y-1">
        <label htmlFor="new-email" className="block text-sm font-medium">Email</label>
        <input id="new-email" name="email" type="email" required className={field} aria-invalid={!!fieldErrors.email} />
        {fieldErrors.email && <p className="text-xs text-rose-800">{fieldErrors.email}</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor="new-name" className="block text-sm font-medium">Name (optional)</label>
        <input id="new-name" name="name" type="text" className={field} />
      </div>
      <div className="space-y-1">
        <label htmlFor="new-role" className="block text-sm font-medium">Role</label>
        <select id="new-role" name="role" defaultValue="viewer" className={field}>
          {ROLES.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="new-password" className="block text-sm font-medium">Password</label>
        <input id="new-password" name="password" type="password" required minLength={8} autoComplete="new-password" className={field} aria-invalid={!!fieldErrors.password} />
        {fieldErrors.password && <p className="text-xs text-rose-800">{fieldErrors.password}</p>}
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className="w-full rounded-md bg-accent px-3 py-2 font-medium text-white disabled:opacity-60">
          {pending ? "Adding…" : "Add user"}
        </button>
      </div>
      {error && <p role="alert" className="text-sm text-rose-800 md:col-span-5">{error}</p>}
    </form>
  );
}
