"use client";

import { useState, type FormEvent } from "react";
import { signOut } from "@/components/auth/sign-out-button";
import { Field, inputClass } from "@/components/forms/field";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";

const MIN_LENGTH = 8;

/** Changing the password ends every session, this one too: the teammate signs in again. */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    if (next.length < MIN_LENGTH) {
      setErrors({ new_password: `Must be at least ${MIN_LENGTH} characters.` });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await fetchJson("/api/account/password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ current_password: current, new_password: next }),
      });
      await signOut("/sign-in?notice=password-changed");
    } catch (error) {
      setPending(false);
      if (error instanceof DashboardApiError && error.fields.length > 0) {
        setErrors(Object.fromEntries(error.fields.map((field) => [field.field, `${field.message[0]?.toUpperCase()}${field.message.slice(1)}.`])));
      } else {
        setFailure(error instanceof Error ? error.message : "The password could not be changed.");
      }
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Change password" className="space-y-4" noValidate>
      <Field label="Current password" error={errors.current_password}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} className={inputClass} required />
        )}
      </Field>
      <Field label="New password" description={`At least ${MIN_LENGTH} characters. Every session of yours ends; you sign in again with it.`} error={errors.new_password}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} className={inputClass} required />
        )}
      </Field>
      {failure && (
        <p role="alert" className="rounded bg-rose-50 p-2 text-sm text-rose-900">
          {failure}
        </p>
      )}
      <button type="submit" disabled={!hydrated || pending} className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
