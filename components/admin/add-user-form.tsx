"use client";

import { useState, type FormEvent } from "react";
import { AdminApiError, adminApi } from "@/components/admin/admin-api";
import { checkNewUser, type NewUserFieldErrors } from "@/components/admin/new-user-schema";
import { focusField } from "@/components/ui/focus-field";
import { Field, inputClass } from "@/components/forms/field";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/users/user-api";

interface AddUserFormProps {
  onAdded: (user: PublicUser) => void;
  /** The form's own failure (not a field's); the page clears it when another action works. */
  error: string | null;
  onError: (message: string | null) => void;
}

/** Checked in the browser first (new-user-schema.ts), so mistakes show on their fields. */
export function AddUserForm({ onAdded, error, onError }: AddUserFormProps) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<NewUserFieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "");
    onError(null);
    const checked = checkNewUser({ email: value("email"), name: value("name"), role: value("role"), password: value("password") });
    if ("errors" in checked) {
      setFieldErrors(checked.errors);
      // The first field that is wrong takes the focus, so its message is read out.
      focusField(form, Object.keys(checked.errors)[0]);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const { user } = await adminApi.add(checked.user);
      form.reset();
      onAdded(user);
    } catch (caught) {
      const apiError = caught instanceof AdminApiError ? caught : new AdminApiError("Could not add the user.");
      const fields = Object.fromEntries(apiError.fields.map((field) => [field.field, field.message]));
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) onError(apiError.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a user" className="grid gap-3 rounded-lg border border-black/10 bg-white p-4 md:grid-cols-5 md:items-start">
      <h2 className="text-lg font-medium md:col-span-5">Add a user</h2>
      <Field label="Email" error={fieldErrors.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="off" required className={inputClass} />}
      </Field>
      <Field label="Name (optional)" error={fieldErrors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="off" className={inputClass} />}
      </Field>
      <Field label="Role" error={fieldErrors.role}>
        {(control) => (
          <select {...control} name="role" defaultValue="viewer" className={inputClass}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Password" error={fieldErrors.password}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      {/* Lined up with the inputs, below their labels' height. */}
      <div className="md:pt-6">
        <button type="submit" disabled={pending} className="w-full rounded-md bg-accent px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Adding…" : "Add user"}
        </button>
      </div>
      {error && (
        <p role="alert" className="rounded bg-rose-50 p-2 text-sm text-rose-900 md:col-span-5">
          {error}
        </p>
      )}
    </form>
  );
}
