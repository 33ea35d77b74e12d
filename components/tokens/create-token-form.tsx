"use client";

import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { TokensApiError, tokensApi } from "@/components/tokens/tokens-api";
import { focusField } from "@/components/ui/focus-field";
import { hasRole, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/schema";
import { EXPIRY_CHOICES, type ExpiryChoice, type PublicToken } from "@/lib/tokens/token-view";

type FieldErrors = Partial<Record<"name" | "expires_in_days" | "role", string>>;

/** Name, expiry and a role no higher than one's own (the server checks it again). */
export function CreateTokenForm({ ownRole, onCreated }: { ownRole: Role; onCreated: (token: string, view: PublicToken) => void }) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const roles = ROLES.filter((role) => hasRole(ownRole, role));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    const expiry = String(data.get("expires_in_days") ?? "none");
    setError(null);
    if (!name) {
      setFieldErrors({ name: "Give the token a name, e.g. the script that will use it." });
      focusField(form, "name");
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const { token, ...view } = await tokensApi.create({
        name,
        expires_in_days: expiry === "none" ? null : (Number(expiry) as ExpiryChoice),
        role: String(data.get("role")) as Role,
      });
      form.reset();
      onCreated(token, view);
    } catch (caught) {
      const apiError = caught instanceof TokensApiError ? caught : new TokensApiError("Could not create the token.");
      const fields = Object.fromEntries(apiError.fields.map((field) => [field.field, field.message])) as FieldErrors;
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setError(apiError.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a token" className="grid gap-3 rounded-lg border border-black/10 bg-white p-4 md:grid-cols-4 md:items-start">
      <h2 className="text-lg font-medium md:col-span-4">Create a token</h2>
      <Field label="Token name" error={fieldErrors.name} required>
        {(control) => <input {...control} name="name" type="text" maxLength={80} autoComplete="off" className={inputClass} />}
      </Field>
      <Field label="Expires" error={fieldErrors.expires_in_days}>
        {(control) => (
          <select {...control} name="expires_in_days" defaultValue="30" className={inputClass}>
            {EXPIRY_CHOICES.map((days) => (
              <option key={days} value={days}>
                In {days} days
              </option>
            ))}
            <option value="none">Never</option>
          </select>
        )}
      </Field>
      <Field label="Token role" error={fieldErrors.role} description="No higher than yours.">
        {(control) => (
          <select {...control} name="role" defaultValue={ownRole} className={inputClass}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="md:pt-6">
        <button type="submit" disabled={pending} className="w-full rounded-md bg-accent px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-800 md:col-span-4">
          {error}
        </p>
      )}
    </form>
  );
}
